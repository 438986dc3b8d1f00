/**
 * A SMART client driven by script: authorization code + PKCE S256 against the sandbox
 * authorization server, signing in as the demo clinician through the real sign-in form. For tests
 * and benchmarks that need a real token without a browser.
 */
import { createHash, randomBytes } from 'node:crypto';
import { EXTENSION_CLIENT_ID, EXTENSION_REDIRECT_URIS } from '../config';
import { CookieJar } from './cookie-jar';

export { CookieJar } from './cookie-jar';

export interface AuthorizeOptions {
  readonly issuer: string;
  /** The FHIR base the token is for (SMART `aud`); null sends none (to see it refused, or let through). */
  readonly aud: string | null;
  readonly scope: string;
  readonly redirectUri?: string;
  /** Patient id to choose in the picker (standalone launch with `launch/patient`). */
  readonly patient?: string;
  /** EHR launch id from `POST /launch`. */
  readonly launch?: string;
  /** PKCE challenge to send; null sends none (to see it refused). Defaults to a fresh S256 pair. */
  readonly codeChallenge?: string | null;
  /** Share one jar between calls to act as one browser (a second sign-in finds the clinician signed in). */
  readonly cookies?: CookieJar;
}

export interface Authorization {
  readonly code: string;
  readonly verifier: string;
  readonly redirectUri: string;
  /** Whether the sign-in page had to be filled in (false when already signed in). */
  readonly signInPageShown: boolean;
}

export class AuthorizationError extends Error {
  constructor(readonly error: string, readonly description: string) {
    super(`${error}: ${description}`);
  }
}

/** A PKCE verifier and its S256 challenge (RFC 7636). */
export function createPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

async function step(jar: CookieJar, url: URL, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers as Record<string, string> | undefined), cookie: jar.header() },
  });
  jar.store(response);
  return response;
}

/** Runs /auth → sign-in form → redirect URI and returns the authorization code. */
export async function authorize(options: AuthorizeOptions): Promise<Authorization> {
  const redirectUri = options.redirectUri ?? EXTENSION_REDIRECT_URIS[0]!;
  const pkce = createPkce();
  const challenge = options.codeChallenge === undefined ? pkce.challenge : options.codeChallenge;
  const state = randomBytes(8).toString('hex');
  const url = new URL('/auth', options.issuer);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: EXTENSION_CLIENT_ID,
    redirect_uri: redirectUri,
    scope: options.scope,
    ...(options.aud === null ? {} : { aud: options.aud }),
    state,
    ...(challenge === null ? {} : { code_challenge: challenge, code_challenge_method: 'S256' }),
    ...(options.launch === undefined ? {} : { launch: options.launch }),
  }).toString();

  const finalUrl = await completeAuthorization(url, redirectUri, { cookies: options.cookies, patient: options.patient });
  const error = finalUrl.url.searchParams.get('error');
  if (error !== null) throw new AuthorizationError(error, finalUrl.url.searchParams.get('error_description') ?? '');
  if (finalUrl.url.searchParams.get('state') !== state) throw new AuthorizationError('state_mismatch', finalUrl.url.href);
  return { code: finalUrl.url.searchParams.get('code') ?? '', verifier: pkce.verifier, redirectUri, signInPageShown: finalUrl.signInPageShown };
}

/**
 * Plays the browser's part from an authorize URL to the redirect URI: follows the server's
 * redirects and submits the sign-in form as the demo clinician. Returns the redirect URL reached
 * (with `code` and `state`, or `error`), as `identity.launchWebAuthFlow` would.
 */
export async function completeAuthorization(
  authorizeUrl: URL,
  redirectUri: string,
  options: { cookies?: CookieJar; patient?: string } = {},
): Promise<{ url: URL; signInPageShown: boolean }> {
  const url = new URL(authorizeUrl.href);
  const jar = options.cookies ?? new CookieJar();
  let signInPageShown = false;
  let response = await step(jar, url);
  for (let hops = 0; hops < 10; hops += 1) {
    const location = response.headers.get('location');
    if (location !== null) {
      const next = new URL(location, url);
      if (next.href.startsWith(redirectUri)) return { url: next, signInPageShown };
      response = await step(jar, next);
      url.href = next.href;
      continue;
    }
    const html = await response.text();
    const action = /action="([^"]*\/login)"/.exec(html)?.[1];
    if (response.status !== 200 || action === undefined) {
      throw new AuthorizationError(`http_${response.status}`, html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
    }
    signInPageShown = true;
    const form = new URLSearchParams({ username: 'demo.clinician', password: 'demo' });
    if (options.patient !== undefined) form.set('patient', options.patient);
    const formUrl = new URL(action, url);
    response = await step(jar, formUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    url.href = formUrl.href;
  }
  throw new AuthorizationError('too_many_redirects', url.href);
}

/** POSTs a form to the token endpoint; the caller reads status and JSON. */
export function tokenRequest(issuer: string, params: Record<string, string>): Promise<Response> {
  return fetch(new URL('/token', issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: EXTENSION_CLIENT_ID, ...params }).toString(),
  });
}

/** Authorizes and exchanges the code: the token response a SMART client would get. */
export async function signIn(options: AuthorizeOptions): Promise<Record<string, unknown>> {
  const { code, verifier, redirectUri } = await authorize(options);
  const response = await tokenRequest(options.issuer, {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: redirectUri,
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new AuthorizationError(String(body['error']), String(body['error_description'] ?? ''));
  return body;
}
