/**
 * Sign-out on a shared workstation ends the tokens at the server: after revocation neither the
 * access token nor the refresh token works, against the sandbox's real authorization server
 * (RFC 7009 endpoint advertised in its SMART configuration).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionStore } from '@/lib/platform/session-store';
import { revokeTokens } from '@/lib/sources/revoke-tokens';
import { SignInRequiredError } from '@/lib/sources/sign-in-required';
import { accessTokenProvider, signIn, type SmartAuthDeps } from '@/lib/sources/smart-auth';
import type { SourceConfig } from '@/lib/sources/source-config';
import { completeAuthorization } from '../../sandbox/auth/scripted-sign-in';
import { startAuthServer, type AuthServer } from '../../sandbox/auth/server';
import { EXTENSION_REDIRECT_URIS, SOURCES } from '../../sandbox/config';
import { startFhirServer, type FhirServer } from '../../sandbox/fhir/server';
import { NHS } from '../fixtures';

const redirectUri = EXTENSION_REDIRECT_URIS[0]!;
let auth: AuthServer;
let fhir: FhirServer;

const gp = (): SourceConfig => ({
  id: 'gp', name: 'GP', fhirBaseUrl: fhir.baseUrl, auth: 'smart', clientId: 'fhirside',
  scope: 'openid fhirUser offline_access user/*.read', identifierSystems: [NHS], pageSize: 50, timeoutMs: 5000,
});
const deps = (): SmartAuthDeps => ({ store: sessionStore(), redirectUri, launchWebAuthFlow: async (url) => (await completeAuthorization(new URL(url), redirectUri)).url.href });
const status = async (token: string | undefined) => (await fetch(`${fhir.baseUrl}/Patient?_count=1`, { headers: { Authorization: `Bearer ${token}` } })).status;

beforeAll(async () => {
  const fhirBaseUrls: string[] = [];
  auth = await startAuthServer({ host: '127.0.0.1', port: 0, fhirBaseUrls, redirectUris: [...EXTENSION_REDIRECT_URIS], patientsForPicker: [] });
  fhir = await startFhirServer({ source: SOURCES[0]!, host: '127.0.0.1', port: 0, resources: [], authIssuer: auth.issuer, validateToken: auth.validateToken });
  fhirBaseUrls.push(fhir.baseUrl);
  // The FHIR engine takes seconds to start on a loaded machine.
}, 60_000);

afterAll(async () => {
  await fhir?.close();
  await auth?.close();
});

describe('revoking a source\'s tokens at sign-out', () => {
  it('ends the access token and the refresh token at the server', async () => {
    const d = deps();
    const client = await signIn(d, gp(), true);
    const token = client.state.tokenResponse?.access_token;
    expect(await status(token)).toBe(200);

    expect(await revokeTokens(fetch, gp(), client.state)).toBe(true);
    expect(await status(token)).toBe(401);
    await expect(accessTokenProvider(d, gp(), client)(true)).rejects.toBeInstanceOf(SignInRequiredError);
  });

  it('does nothing, and says so, where no revocation endpoint is advertised', async () => {
    const client = await signIn(deps(), gp(), true);
    const noEndpoint: typeof fetch = async () => Response.json({ token_endpoint: `${auth.issuer}/token` });
    expect(await revokeTokens(noEndpoint, gp(), client.state)).toBe(false);
    expect(await status(client.state.tokenResponse?.access_token)).toBe(200);
  });
});
