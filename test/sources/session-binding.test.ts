/**
 * Attack: a source's base URL (or client id) changes after sign-in — a clinician's edit, a policy
 * migration, a tampered setting. The stored bearer token must never go to the new host, nor the
 * refresh token to another token endpoint: the session is dropped and sign-in is asked for again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionStore } from '@/lib/platform/session-store';
import { dropSessionsIfSourcesChanged } from '@/lib/sources/session-binding';
import { SignInRequiredError } from '@/lib/sources/sign-in-required';
import { accessTokenProvider, restoreSession, signIn, type SmartAuthDeps } from '@/lib/sources/smart-auth';
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

const deps = (): SmartAuthDeps => ({
  store: sessionStore(),
  redirectUri,
  launchWebAuthFlow: async (url) => (await completeAuthorization(new URL(url), redirectUri)).url.href,
});

const gpKeys = async (d: SmartAuthDeps) => (await d.store.keys()).filter((k) => k.startsWith('smart:gp:'));

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

describe('a stored session is bound to where it was issued', () => {
  it('is used while the source is configured as it was at sign-in', async () => {
    const d = deps();
    const client = await signIn(d, gp(), true);
    expect((await restoreSession(d, gp()))?.state.tokenResponse?.access_token).toBe(client.state.tokenResponse?.access_token);
  });

  it('is dropped, not sent, when the base URL moves to another host', async () => {
    const d = deps();
    await signIn(d, gp(), true);
    const moved = { ...gp(), fhirBaseUrl: 'https://attacker.example/fhir' };
    expect(await restoreSession(d, moved)).toBeUndefined();
    expect(await gpKeys(d)).toEqual([]);
    // Moving it back does not bring the token back: it is gone.
    expect(await restoreSession(d, gp())).toBeUndefined();
  });

  it('survives another page restoring it at every step of the sign-in (the worker restores on each stored key)', async () => {
    const d = deps();
    // What the worker's FHIRcast subscription does: restore the session whenever a key of it is stored.
    const watching = { ...d, store: { ...d.store, set: async (key: string, value: unknown) => {
      await d.store.set(key, value);
      if (key.startsWith('smart:gp:') && !key.endsWith('binding')) await restoreSession(d, gp());
    } } };
    const client = await signIn(watching, gp(), true);
    expect((await restoreSession(d, gp()))?.state.tokenResponse?.access_token).toBe(client.state.tokenResponse?.access_token);
  });

  it('is dropped when the client id changes', async () => {
    const d = deps();
    await signIn(d, gp(), true);
    expect(await restoreSession(d, { ...gp(), clientId: 'another-client' })).toBeUndefined();
    expect(await gpKeys(d)).toEqual([]);
  });

  it('is dropped when its token endpoint is not the one it was issued by', async () => {
    const d = deps();
    await signIn(d, gp(), true);
    const stateKey = (await gpKeys(d)).find((k) => !k.endsWith('SMART_KEY') && !k.endsWith('binding'))!;
    const state = (await d.store.get(stateKey)) as Record<string, unknown>;
    await d.store.set(stateKey, { ...state, tokenUri: 'https://attacker.example/token' });
    expect(await restoreSession(d, gp())).toBeUndefined();
  });

  it('is not refreshed for a source that moved while a panel held it', async () => {
    const d = deps();
    const client = await signIn(d, gp(), true);
    const moved = { ...gp(), fhirBaseUrl: 'https://attacker.example/fhir' };
    await expect(accessTokenProvider(d, moved, client)(true)).rejects.toBeInstanceOf(SignInRequiredError);
    expect(await gpKeys(d)).toEqual([]);
  });

  it('is dropped, with every other source\'s, when the configured source list changes', async () => {
    const d = deps();
    await dropSessionsIfSourcesChanged(d.store, [gp()]);
    await signIn(d, gp(), true);
    await dropSessionsIfSourcesChanged(d.store, [gp()]);
    expect(await restoreSession(d, gp())).toBeDefined();
    await dropSessionsIfSourcesChanged(d.store, [gp(), { ...gp(), id: 'acute', fhirBaseUrl: 'https://acute.example/fhir' }]);
    expect(await restoreSession(d, gp())).toBeUndefined();
  });
});
