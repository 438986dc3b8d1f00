/**
 * SMART sign-in through fhirclient against the sandbox's real authorization server and FHIR
 * servers (in-process, ephemeral ports): PKCE S256, tokens kept per source in session storage
 * only, silent refresh, refusal turned into "sign in again".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionStore } from '@/lib/platform/session-store';
import { SignInRequiredError } from '@/lib/sources/sign-in-required';
import { accessTokenProvider, restoreSession, signIn, signOut, type SmartAuthDeps } from '@/lib/sources/smart-auth';
import type { SourceConfig } from '@/lib/sources/source-config';
import { completeAuthorization } from '../../sandbox/auth/scripted-sign-in';
import { startAuthServer, type AuthServer } from '../../sandbox/auth/server';
import { EXTENSION_REDIRECT_URIS, SOURCES } from '../../sandbox/config';
import { startFhirServer, type FhirServer } from '../../sandbox/fhir/server';
import { NHS } from '../fixtures';

const redirectUri = EXTENSION_REDIRECT_URIS[0]!;
let auth: AuthServer;
const fhir: FhirServer[] = [];
const authorizeUrls: string[] = [];

const source = (server: FhirServer, id: string): SourceConfig => ({
  id, name: id, fhirBaseUrl: server.baseUrl, auth: 'smart', clientId: 'fhirside',
  scope: 'openid fhirUser offline_access user/*.read', identifierSystems: [NHS], pageSize: 50, timeoutMs: 5000,
});

function deps(): SmartAuthDeps {
  return {
    store: sessionStore(),
    redirectUri,
    // Plays the identity API: follows the authorize URL and signs in as the demo clinician.
    launchWebAuthFlow: async (url) => {
      authorizeUrls.push(url);
      return (await completeAuthorization(new URL(url), redirectUri)).url.href;
    },
  };
}

async function readPatients(server: FhirServer, token: string | undefined): Promise<number> {
  const response = await fetch(`${server.baseUrl}/Patient?_count=1`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return response.status;
}

beforeAll(async () => {
  const fhirBaseUrls: string[] = [];
  auth = await startAuthServer({ host: '127.0.0.1', port: 0, fhirBaseUrls, redirectUris: [...EXTENSION_REDIRECT_URIS], patientsForPicker: [] });
  for (const sandboxSource of SOURCES.slice(0, 2)) {
    const server = await startFhirServer({ source: sandboxSource, host: '127.0.0.1', port: 0, resources: [], authIssuer: auth.issuer, validateToken: auth.validateToken });
    fhirBaseUrls.push(server.baseUrl);
    fhir.push(server);
  }
});

afterAll(async () => {
  await Promise.all(fhir.map((s) => s.close()));
  await auth?.close();
});

describe('SMART sign-in for a source', () => {
  it('signs in with PKCE S256 and gets a token the FHIR server accepts', async () => {
    const gp = source(fhir[0]!, 'gp');
    const client = await signIn(deps(), gp, true);
    const token = client.state.tokenResponse?.access_token;
    expect(await readPatients(fhir[0]!, token)).toBe(200);
    expect(await readPatients(fhir[0]!, undefined)).toBe(401);
    const authorize = new URL(authorizeUrls.at(-1)!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('aud')).toBe(gp.fhirBaseUrl);
  });

  it('names each source\'s own FHIR base as aud, so a server requiring aud takes its token and no other server does', async () => {
    const acute = source(fhir[1]!, 'acute');
    fhir[1]!.setProfile('aud-required');
    try {
      const client = await signIn(deps(), acute, true);
      expect(new URL(authorizeUrls.at(-1)!).searchParams.get('aud')).toBe(acute.fhirBaseUrl);
      const token = client.state.tokenResponse?.access_token;
      expect(await readPatients(fhir[1]!, token)).toBe(200);
      expect(await readPatients(fhir[0]!, token)).toBe(401);
    } finally {
      fhir[1]!.setProfile('strict-standard');
    }
  });

  it('keeps tokens in session storage only: nothing in local or sync storage, nothing in IndexedDB', async () => {
    const client = await signIn(deps(), source(fhir[0]!, 'gp'), true);
    const token = client.state.tokenResponse!.access_token!;
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain(token);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(await indexedDB.databases()).toEqual([]);
  });

  it('keeps two sources apart: signing out of one leaves the other signed in', async () => {
    const d = deps();
    const gp = source(fhir[0]!, 'gp');
    const acute = source(fhir[1]!, 'acute');
    const gpClient = await signIn(d, gp, true);
    const acuteClient = await signIn(d, acute, true);
    expect(gpClient.state.tokenResponse?.access_token).not.toBe(acuteClient.state.tokenResponse?.access_token);
    await signOut(d.store, 'gp');
    expect(await restoreSession(d, gp)).toBeUndefined();
    expect((await restoreSession(d, acute))?.state.tokenResponse?.access_token).toBe(acuteClient.state.tokenResponse?.access_token);
  });

  it('refreshes silently before expiry, and the new token works', async () => {
    const d = deps();
    const gp = source(fhir[0]!, 'gp');
    const client = await signIn(d, gp, true);
    const first = client.state.tokenResponse?.access_token;
    const anHourLater = () => Date.now() + 3600_000;
    const fresh = await accessTokenProvider(d, gp, client, anHourLater)(false);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(first);
    expect(await readPatients(fhir[0]!, fresh)).toBe(200);
  });

  it('asks for sign-in again when the refresh token is refused', async () => {
    const d = deps();
    const gp = source(fhir[0]!, 'gp');
    const client = await signIn(d, gp, true);
    const stored = (await d.store.keys()).find((k) => k.startsWith('smart:gp:') && !k.endsWith('SMART_KEY'))!;
    const state = (await d.store.get(stored)) as { tokenResponse: Record<string, unknown> };
    await d.store.set(stored, { ...state, tokenResponse: { ...state.tokenResponse, refresh_token: 'revoked' } });
    await expect(accessTokenProvider(d, gp, client)(true)).rejects.toBeInstanceOf(SignInRequiredError);
  });
});
