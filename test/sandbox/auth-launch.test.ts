// EHR launch (the EPR names the patient) and access-token lifetime.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAuthServer, type AuthServer } from '../../sandbox/auth/server';
import { authorize, signIn } from '../../sandbox/auth/scripted-sign-in';
import { EXTENSION_REDIRECT_URIS, HOST } from '../../sandbox/config';

const ACUTE = 'http://127.0.0.1:18102/fhir';
let auth: AuthServer | undefined;

async function start(): Promise<AuthServer> {
  auth = await startAuthServer({
    host: HOST, port: 0, fhirBaseUrls: [ACUTE], redirectUris: EXTENSION_REDIRECT_URIS, patientsForPicker: [],
  });
  return auth;
}

afterEach(async () => {
  await auth?.close();
  auth = undefined;
  vi.unstubAllEnvs();
});

async function mintLaunch(server: AuthServer, body: unknown): Promise<Response> {
  return fetch(new URL('/launch', server.issuer), {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
}

describe('EHR launch', () => {
  it('returns the launch patient in the token response without a picker', async () => {
    const server = await start();
    const minted = await mintLaunch(server, { patient: 'p03-acute' });
    expect(minted.status).toBe(200);
    const { launch } = (await minted.json()) as { launch: string };

    const tokens = await signIn({ issuer: server.issuer, aud: ACUTE, scope: 'launch openid fhirUser patient/*.rs', launch });
    expect(tokens).toMatchObject({ patient: 'p03-acute', need_patient_banner: false });
    expect(await server.validateToken(String(tokens['access_token']))).toMatchObject({ patient: 'p03-acute' });
  });

  it('refuses an unknown launch id and a launch body without a patient', async () => {
    const server = await start();
    await expect(authorize({ issuer: server.issuer, aud: ACUTE, scope: 'launch patient/*.rs', launch: 'made-up' }))
      .rejects.toMatchObject({ error: 'invalid_request', description: expect.stringMatching(/launch is unknown/) });
    expect((await mintLaunch(server, { patient: '' })).status).toBe(400);
    expect((await mintLaunch(server, {})).status).toBe(400);
  });
});

describe('access token lifetime', () => {
  it('follows FHIRSIDE_TOKEN_TTL and is refused once expired', async () => {
    vi.stubEnv('FHIRSIDE_TOKEN_TTL', '1');
    const server = await start();
    const tokens = await signIn({ issuer: server.issuer, aud: ACUTE, scope: 'openid patient/*.rs' });
    expect(tokens['expires_in']).toBe(1);
    expect(await server.validateToken(String(tokens['access_token']))).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await server.validateToken(String(tokens['access_token']))).toBeNull();
  });
});
