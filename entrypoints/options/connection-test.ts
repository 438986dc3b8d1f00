/** Wires "Test connection" to the browser: fetch, the identity API and the session token store. */
import { checkConnection } from '@/lib/config/connection-check';
import { checkSignIn, type ConnectionStepResult } from '@/lib/config/sign-in-check';
import { sessionStore } from '@/lib/platform/session-store';
import { launchWebAuthFlow, redirectUri } from '@/lib/platform/web-auth-flow';
import { restoreSession, signIn, type SmartAuthDeps } from '@/lib/sources/smart-auth';
import type { SourceConfig } from '@/lib/sources/source-config';

/** Discovery and metadata, then (when both pass) sign-in, which may open the server's login window. */
export async function testConnection(source: SourceConfig): Promise<ConnectionStepResult[]> {
  const steps: ConnectionStepResult[] = await checkConnection(source, (input, init) => fetch(input, init), new AbortController().signal);
  if (source.auth !== 'smart' || steps.some((s) => !s.ok)) return steps;
  const auth: SmartAuthDeps = { store: sessionStore(), launchWebAuthFlow, redirectUri: redirectUri() };
  steps.push(await checkSignIn({ restore: () => restoreSession(auth, source), signIn: () => signIn(auth, source, true) }));
  return steps;
}
