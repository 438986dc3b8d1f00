/**
 * The one user of the sandbox: a demo clinician whose details the sign-in page offers pre-filled,
 * so a demo or a browser test signs in with a single click.
 */
import type { Account } from 'oidc-provider';

export const DEMO_CLINICIAN = {
  accountId: 'demo-clinician',
  username: 'demo.clinician',
  password: 'demo',
  displayName: 'Dr Alex Morgan',
  /** SMART `fhirUser` claim: the Practitioner the FHIR servers know this user as. */
  fhirUser: 'Practitioner/demo-clinician',
} as const;

/** @param sub - the account id oidc-provider asks about */
export function findAccount(sub: string): Account | undefined {
  if (sub !== DEMO_CLINICIAN.accountId) return undefined;
  return {
    accountId: sub,
    claims: () => ({
      sub,
      name: DEMO_CLINICIAN.displayName,
      fhirUser: DEMO_CLINICIAN.fhirUser,
    }),
  };
}

/** Only the demo account exists; any other name or password is refused. */
export function checkCredentials(username: string, password: string): boolean {
  return username.trim() === DEMO_CLINICIAN.username && password === DEMO_CLINICIAN.password;
}
