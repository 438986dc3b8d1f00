/**
 * SMART App Launch (standalone, authorization code + PKCE S256) for each source, and the access
 * token every request carries. The exchange and refresh go through fhirclient (smart-client.ts),
 * which is loaded only when one of them happens: a look-up with a valid token reads the token
 * from session storage and never loads it.
 */
import type ClientExport from 'fhirclient/lib/Client';
import type { fhirclient } from 'fhirclient/lib/types';
import type { KeyValueStore } from './key-value-store';
import { SignInRequiredError } from './sign-in-required';
import { boundState, dropSession } from './session-binding';
import { withLock } from './source-lock';
import type { SourceConfig } from './source-config';

export interface SmartAuthDeps {
  /** Token store; must be memory-only (`storage.session`), never disk. */
  readonly store: KeyValueStore;
  /** Opens the authorize URL and resolves with the final redirect URL (code and state in its query). */
  readonly launchWebAuthFlow: (url: string, interactive: boolean) => Promise<string>;
  /** `identity.getRedirectURL()`: registered with each authorization server. */
  readonly redirectUri: string;
}

export interface SignInOptions {
  /** SMART EHR launch: the `launch` id the EPR passed; the token response then names the patient. */
  readonly launch?: string;
}

/** What fhirside needs of a signed-in source: its state, a refresh, and who signed in. */
export interface SmartSession {
  readonly state: fhirclient.ClientState;
  /** Renews the tokens in `state` with the refresh token. */
  refresh(): Promise<unknown>;
  /** The signed-in user (`Practitioner/123`) from the id_token, or null. */
  getFhirUser(): string | null;
  /**
   * Who holds this session, as the cache is keyed by it: the id_token's issuer and its `fhirUser`
   * (else `sub`); undefined when the token response named nobody.
   */
  getUser(): string | undefined;
}

const loadClient = () => import('./smart-client');

/**
 * Signs in to one source. Interactive sign-in must only follow a user's click.
 * @returns a fhirclient Client holding the token response (`client.patient.id` after an EHR launch)
 */
export async function signIn(deps: SmartAuthDeps, source: SourceConfig, interactive: boolean, options: SignInOptions = {}): Promise<ClientExport> {
  return (await loadClient()).signInWithClient(deps, source, interactive, options);
}

/** The id_token's claims (no signature check: the token came straight from the token endpoint). */
function idTokenClaims(state: fhirclient.ClientState): Record<string, unknown> | undefined {
  const payload = state.tokenResponse?.id_token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** As fhirclient's getFhirUser: `fhirUser` (a full URL cut to `Type/id`), else `profile`. */
function fhirUserOf(state: fhirclient.ClientState): string | null {
  const claims = idTokenClaims(state);
  if (typeof claims?.['fhirUser'] === 'string') return claims['fhirUser'].split('/').slice(-2).join('/');
  return typeof claims?.['profile'] === 'string' ? claims['profile'] : null;
}

/** The id_token's issuer and user: two servers may each have a user "123". */
function userOf(state: fhirclient.ClientState): string | undefined {
  const claims = idTokenClaims(state);
  const who = typeof claims?.['fhirUser'] === 'string' ? claims['fhirUser'] : typeof claims?.['sub'] === 'string' ? claims['sub'] : undefined;
  return who === undefined ? undefined : `${typeof claims?.['iss'] === 'string' ? claims['iss'] : ''} ${who}`;
}

/**
 * Restores a signed-in source from the session store. Resolves to undefined when the source
 * needs an interactive sign-in. An expired access token is refreshed on first use, not here.
 */
export async function restoreSession(deps: SmartAuthDeps, source: SourceConfig): Promise<SmartSession | undefined> {
  const state = await boundState(deps.store, source);
  if (!state?.tokenResponse?.access_token) return undefined;
  return {
    state,
    // The fhirclient Client shares `state`, so its refresh lands here too.
    refresh: async () => (await loadClient()).clientFromState(deps, source, state).refresh(),
    getFhirUser: () => fhirUserOf(state),
    getUser: () => userOf(state),
  };
}

/**
 * A token is refreshed rather than used within a minute of expiry, or within a tenth of its life
 * for short-lived tokens (a 30-second token must not be refreshed on every request).
 */
function expiresSoon(client: Pick<SmartSession, 'state'>, now: number): boolean {
  const lifetime = Number(client.state.tokenResponse?.expires_in) || 3600;
  return (client.state.expiresAt ?? 0) - Math.min(60, lifetime / 10) < now / 1000;
}

/**
 * The access-token provider for a signed-in source: refreshes silently (offline_access) before
 * expiry, or when `force` says the server refused the token; one refresh at a time per source
 * across all panels. Throws SignInRequiredError when only an interactive sign-in can help.
 */
export function accessTokenProvider(deps: SmartAuthDeps, source: SourceConfig, client: Pick<SmartSession, 'state' | 'refresh'>, now = () => Date.now()) {
  return async (force: boolean): Promise<string | undefined> => {
    if (!force && !expiresSoon(client, now())) return client.state.tokenResponse?.access_token;
    const seen = client.state.tokenResponse?.access_token;
    return withLock(`fhirside-token-${source.id}`, async () => {
      // Another panel may have refreshed while we waited: adopt its token rather than refresh again.
      const stored = await boundState(deps.store, source);
      if (!stored?.tokenResponse?.access_token) throw new SignInRequiredError();
      Object.assign(client.state, stored);
      const renewedElsewhere = stored.tokenResponse.access_token !== seen;
      if ((force && !renewedElsewhere) || expiresSoon(client, now())) {
        if (!client.state.tokenResponse?.refresh_token) throw new SignInRequiredError('Sign-in has expired');
        try {
          await client.refresh();
        } catch {
          throw new SignInRequiredError('Sign-in has expired');
        }
      }
      return client.state.tokenResponse?.access_token;
    });
  };
}

/** Forgets every token and auth state of one source. */
export async function signOut(store: KeyValueStore, sourceId: string): Promise<void> {
  await dropSession(store, sourceId);
}
