// The SMART authorization-code flow as the extension runs it: PKCE S256, the sign-in form,
// launch/patient from the picker, refresh tokens for offline_access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthServer, type AuthServer } from '../../sandbox/auth/server';
import {
  authorize, AuthorizationError, CookieJar, signIn, tokenRequest,
} from '../../sandbox/auth/scripted-sign-in';
import { EXTENSION_REDIRECT_URIS, HOST } from '../../sandbox/config';

const GP = 'http://127.0.0.1:18101/fhir';
const ACUTE = 'http://127.0.0.1:18102/fhir';
const SCOPE = 'openid fhirUser launch/patient patient/*.rs offline_access';

let auth: AuthServer;

beforeAll(async () => {
  auth = await startAuthServer({
    host: HOST,
    port: 0,
    fhirBaseUrls: [GP, ACUTE],
    redirectUris: EXTENSION_REDIRECT_URIS,
    patientsForPicker: [
      { id: 'p01-gp', label: 'HOLLOWAY, Susan', fhirBaseUrl: GP },
      { id: 'p02-gp', label: 'OKAFOR, David', fhirBaseUrl: GP },
      { id: 'p01-acute', label: 'HOLLOWAY, Susan', fhirBaseUrl: ACUTE },
    ],
  });
});
afterAll(() => auth.close());

/** Starts an authorization as a browser would and stops at the sign-in page. */
async function beginAuthorization(scope: string): Promise<{ interaction: URL; cookie: string }> {
  const url = new URL('/auth', auth.issuer);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: 'fhirside', redirect_uri: EXTENSION_REDIRECT_URIS[0]!, scope, aud: GP,
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256',
  }).toString();
  const start = await fetch(url, { redirect: 'manual' });
  return {
    interaction: new URL(start.headers.get('location') ?? '', auth.issuer),
    cookie: start.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '),
  };
}

function exchange(code: string, verifier: string) {
  return tokenRequest(auth.issuer, {
    grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: EXTENSION_REDIRECT_URIS[0]!,
  });
}

describe('authorization code with PKCE', () => {
  it('issues access, refresh and id tokens with the picked patient as launch context', async () => {
    const tokens = await signIn({ issuer: auth.issuer, aud: GP, scope: SCOPE, patient: 'p02-gp' });
    expect(tokens).toMatchObject({
      token_type: 'Bearer', expires_in: 3600, patient: 'p02-gp', need_patient_banner: false,
    });
    expect(typeof tokens['access_token']).toBe('string');
    expect(typeof tokens['refresh_token']).toBe('string');
    expect(String(tokens['scope']).split(' ')).toEqual(expect.arrayContaining(['patient/*.rs', 'launch/patient', 'offline_access']));
    const idToken = JSON.parse(Buffer.from(String(tokens['id_token']).split('.')[1]!, 'base64url').toString());
    expect(idToken).toMatchObject({ sub: 'demo-clinician', fhirUser: 'Practitioner/demo-clinician', aud: 'fhirside' });
  });

  it('grants resource-specific v1 and v2 scopes and leaves out system scopes', async () => {
    const tokens = await signIn({
      issuer: auth.issuer, aud: GP, scope: 'patient/Observation.rs user/Condition.read system/*.rs launch/patient', patient: 'p01-gp',
    });
    expect(String(tokens['scope']).split(' ').sort()).toEqual(['launch/patient', 'patient/Observation.rs', 'user/Condition.read']);
  });

  it('offers only the patients of the requested FHIR server', async () => {
    await expect(signIn({ issuer: auth.issuer, aud: GP, scope: SCOPE, patient: 'p01-acute' }))
      .rejects.toThrow(/Choose a patient/);
  });

  it('gives no refresh token without offline_access and no patient without launch/patient', async () => {
    // Through the Firefox redirect URI, the other one registered.
    const tokens = await signIn({ issuer: auth.issuer, aud: GP, scope: 'openid patient/*.rs', redirectUri: EXTENSION_REDIRECT_URIS[1]! });
    expect(tokens['refresh_token']).toBeUndefined();
    expect(tokens['patient']).toBeUndefined();
  });

  it('refuses a wrong code verifier with invalid_grant', async () => {
    const { code } = await authorize({ issuer: auth.issuer, aud: GP, scope: SCOPE, patient: 'p01-gp' });
    const response = await exchange(code, 'a'.repeat(43));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a missing code verifier with invalid_grant', async () => {
    const { code } = await authorize({ issuer: auth.issuer, aud: GP, scope: SCOPE, patient: 'p01-gp' });
    const response = await tokenRequest(auth.issuer, {
      grant_type: 'authorization_code', code, redirect_uri: EXTENSION_REDIRECT_URIS[0]!,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses an authorization request without a code challenge', async () => {
    const refused = authorize({ issuer: auth.issuer, aud: GP, scope: SCOPE, codeChallenge: null });
    await expect(refused).rejects.toMatchObject({ error: 'invalid_request', description: expect.stringMatching(/PKCE/) });
  });

  it('refuses the plain challenge method', async () => {
    const url = new URL('/auth', auth.issuer);
    url.search = new URLSearchParams({
      response_type: 'code', client_id: 'fhirside', redirect_uri: EXTENSION_REDIRECT_URIS[0]!, scope: SCOPE, aud: GP,
      code_challenge: 'x'.repeat(43), code_challenge_method: 'plain',
    }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '', auth.issuer);
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('refuses an aud that is not one of its FHIR servers, saying so', async () => {
    const refused = authorize({ issuer: auth.issuer, aud: 'http://127.0.0.1:9/fhir', scope: SCOPE });
    await expect(refused).rejects.toMatchObject({ error: 'invalid_request', description: expect.stringMatching(/aud .* is not a FHIR server/) });
  });

  it('refuses a redirect URI that is not registered, without redirecting to it', async () => {
    const refused = authorize({ issuer: auth.issuer, aud: GP, scope: SCOPE, redirectUri: 'https://evil.example/' });
    await expect(refused).rejects.toBeInstanceOf(AuthorizationError);
    await expect(refused).rejects.toMatchObject({ error: 'http_400' });
  });
});

describe('refresh and validation', () => {
  it('refreshes with the public client, keeping scope and patient, and rotates the refresh token', async () => {
    const first = await signIn({ issuer: auth.issuer, aud: GP, scope: SCOPE, patient: 'p01-gp' });
    const response = await tokenRequest(auth.issuer, { grant_type: 'refresh_token', refresh_token: String(first['refresh_token']) });
    expect(response.status).toBe(200);
    const refreshed = (await response.json()) as Record<string, unknown>;
    expect(refreshed).toMatchObject({ scope: first['scope'], patient: 'p01-gp', need_patient_banner: false });
    expect(refreshed['refresh_token']).not.toBe(first['refresh_token']);
    expect(await auth.validateToken(String(refreshed['access_token']))).toMatchObject({ patient: 'p01-gp', audience: GP });
  });

  it('validates its own access tokens, naming the server each is for, and rejects anything else', async () => {
    const tokens = await signIn({ issuer: auth.issuer, aud: GP, scope: SCOPE, patient: 'p01-gp' });
    expect(await auth.validateToken(String(tokens['access_token']))).toEqual({
      clientId: 'fhirside', scope: tokens['scope'], patient: 'p01-gp', sub: 'demo-clinician', audience: GP,
    });
    expect(await auth.validateToken('not-a-token')).toBeNull();
    expect(await auth.validateToken('')).toBeNull();
    expect(await auth.validateToken(String(tokens['refresh_token']))).toBeNull();
  });

  it('binds each authorization of one signed-in browser to its own patient', async () => {
    const browser = new CookieJar();
    const first = await signIn({ issuer: auth.issuer, aud: GP, scope: SCOPE, patient: 'p01-gp', cookies: browser });
    const second = await signIn({ issuer: auth.issuer, aud: GP, scope: SCOPE, patient: 'p02-gp', cookies: browser });
    expect(second['patient']).toBe('p02-gp');
    expect(await auth.validateToken(String(first['access_token']))).toMatchObject({ patient: 'p01-gp' });

    // Signed in and nothing to choose: no page at all, as a silent re-authorization needs.
    const silent = await authorize({ issuer: auth.issuer, aud: ACUTE, scope: 'openid patient/*.rs', cookies: browser });
    expect(silent.signInPageShown).toBe(false);
  });
});

describe('sign-in page', () => {
  it('is pre-filled for the demo clinician and shows the picker only for launch/patient', async () => {
    const page = async (scope: string) => {
      const { interaction, cookie } = await beginAuthorization(scope);
      return (await fetch(interaction, { headers: { cookie } })).text();
    };
    const withPicker = await page(SCOPE);
    expect(withPicker).toMatch(/name="username"[^>]*value="demo.clinician"/);
    expect(withPicker).toMatch(/name="password"[^>]*value="demo"/);
    expect(withPicker).toMatch(/<button[^>]*type="submit"[^>]*>Sign in<\/button>/);
    expect(withPicker).toContain('name="patient"');
    expect(withPicker).toContain('OKAFOR, David');
    expect(withPicker).not.toContain('p01-acute');
    expect(await page('openid patient/*.rs')).not.toContain('name="patient"');
  });
});

describe('discovery and cancel', () => {
  it('advertises its endpoints and a short SMART scope list', async () => {
    const config = (await (await fetch(`${auth.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({
      issuer: auth.issuer,
      authorization_endpoint: `${auth.issuer}/auth`,
      token_endpoint: `${auth.issuer}/token`,
      jwks_uri: `${auth.issuer}/jwks`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(config['scopes_supported']).toEqual(expect.arrayContaining(['launch/patient', 'patient/*.rs', 'offline_access']));
    expect((config['scopes_supported'] as unknown[]).length).toBeLessThan(20);
  });

  it('sends access_denied to the client when the clinician cancels', async () => {
    const { interaction, cookie } = await beginAuthorization(SCOPE);
    const cancelled = await fetch(`${interaction.href}/abort`, { method: 'POST', redirect: 'manual', headers: { cookie } });
    const resumeCookie = cancelled.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const resumed = await fetch(new URL(cancelled.headers.get('location')!, auth.issuer), {
      redirect: 'manual', headers: { cookie: `${cookie}; ${resumeCookie}` },
    });
    const redirect = new URL(resumed.headers.get('location')!);
    expect(redirect.origin + redirect.pathname).toBe(EXTENSION_REDIRECT_URIS[0]);
    expect(redirect.searchParams.get('error')).toBe('access_denied');
  });

  it('keeps the clinician on the page with a message after a wrong password', async () => {
    const { interaction, cookie } = await beginAuthorization(SCOPE);
    const response = await fetch(`${interaction.href}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=demo.clinician&password=wrong&patient=p01-gp',
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('The username or password is not recognised.');
  });
});
