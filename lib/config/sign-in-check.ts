/** The last step of "Test connection": sign in to the source, or show who is signed in already. */
import type { CheckStep } from './connection-check';

/** The slice of a signed-in fhirclient Client this step reads. */
export interface SignedIn {
  getFhirUser(): string | null;
}

export interface SignInCheckDeps {
  /** A session already held (storage.session), or undefined. */
  readonly restore: () => Promise<SignedIn | undefined>;
  /** An interactive sign-in: only ever after the clinician's click. */
  readonly signIn: () => Promise<SignedIn>;
}

/** Signs in (or reuses the session) and says as whom. */
export async function checkSignIn(deps: SignInCheckDeps): Promise<{ name: 'sign-in'; ok: boolean; detail: string }> {
  try {
    const held = await deps.restore();
    const client = held ?? (await deps.signIn());
    const who = client.getFhirUser() ?? 'a user the server did not name (no fhirUser claim)';
    return { name: 'sign-in', ok: true, detail: `${held ? 'already signed in' : 'signed in'} as ${who}` };
  } catch (error) {
    return { name: 'sign-in', ok: false, detail: error instanceof Error ? error.message : 'sign-in failed' };
  }
}

export type ConnectionStepResult = CheckStep | Awaited<ReturnType<typeof checkSignIn>>;
