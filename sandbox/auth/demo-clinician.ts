/**
 * The users of the sandbox: a demo clinician whose details the sign-in page offers pre-filled,
 * so a demo or a browser test signs in with a single click, and a second one to sign in as instead.
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

/**
 * A second clinician, for the shared-workstation case: Dr Sam Okafor signs in at the workstation
 * Dr Morgan used, and must see nothing of what Dr Morgan looked at.
 */
export const SECOND_CLINICIAN = {
  accountId: 'second-clinician',
  username: 'second.clinician',
  password: 'demo',
  displayName: 'Dr Sam Okafor',
  fhirUser: 'Practitioner/second-clinician',
} as const;

const CLINICIANS = [DEMO_CLINICIAN, SECOND_CLINICIAN] as const;

/** @param sub - the account id oidc-provider asks about */
export function findAccount(sub: string): Account | undefined {
  const clinician = CLINICIANS.find((c) => c.accountId === sub);
  if (!clinician) return undefined;
  return {
    accountId: sub,
    claims: () => ({
      sub,
      name: clinician.displayName,
      fhirUser: clinician.fhirUser,
    }),
  };
}

/** The account id for a demo username and password; undefined for anything else. */
export function checkCredentials(username: string, password: string): string | undefined {
  return CLINICIANS.find((c) => username.trim() === c.username && password === c.password)?.accountId;
}
