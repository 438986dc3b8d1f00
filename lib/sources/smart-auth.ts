/**
 * SMART App Launch (standalone, authorization code + PKCE S256) through fhirclient, adapted to a
 * browser extension: the authorize URL is opened with `identity.launchWebAuthFlow` instead of a
 * page redirect, and fhirclient's state lives in a per-source slice of session storage.
 *
 * Why per source: fhirclient remembers "the current state" under one fixed key (SMART_KEY); with
 * several sources in one store they would overwrite each other's tokens.
 */
import BrowserAdapterExport from 'fhirclient/lib/adapters/BrowserAdapter';
import ClientExport from 'fhirclient/lib/Client';
import { SMART_KEY } from 'fhirclient/lib/settings';
import { authorize, ready } from 'fhirclient/lib/smart';
import type { fhirclient } from 'fhirclient/lib/types';
import type { KeyValueStore } from './key-value-store';
import { SignInRequiredError } from './sign-in-required';
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

/** fhirclient ships CommonJS; bundlers differ on whether `default` is the class or holds it. */
function commonJsDefault<T>(value: T): T {
  return ((value as { default?: T }).default ?? value) as T;
}
const BrowserAdapter = commonJsDefault(BrowserAdapterExport);
const Client = commonJsDefault(ClientExport);
type Client = ClientExport;

const storeKeyPrefix = (sourceId: string) => `smart:${sourceId}:`;

/** fhirclient's Storage interface over one source's slice of the session store. */
function sourceStorage(store: KeyValueStore, sourceId: string): fhirclient.Storage {
  const prefix = storeKeyPrefix(sourceId);
  return {
    get: (key: string) => store.get(prefix + key),
    set: async (key: string, value: unknown) => {
      await store.set(prefix + key, value);
      return value;
    },
    unset: async (key: string) => {
      await store.remove(prefix + key);
      return true;
    },
  };
}

/** A BrowserAdapter whose "current URL" is whatever the auth flow last returned, not the page's. */
class ExtensionAdapter extends BrowserAdapter {
  private currentUrl: URL;
  private readonly storage: fhirclient.Storage;

  constructor(store: KeyValueStore, sourceId: string, url: string) {
    // The panel page must not be rewritten: fhirclient would otherwise edit its history.
    // A public client identifies itself on refresh (RFC 6749 §6); fhirclient only does so when asked.
    super({ replaceBrowserHistory: false, fullSessionStorageSupport: true, refreshTokenWithClientId: true });
    this.currentUrl = new URL(url);
    this.storage = sourceStorage(store, sourceId);
  }
  override getUrl(): URL {
    return this.currentUrl;
  }
  setUrl(url: string): void {
    this.currentUrl = new URL(url);
  }
  override getStorage() {
    return this.storage as ReturnType<BrowserAdapterExport['getStorage']>;
  }
  override redirect(): void {
    throw new Error('fhirside never navigates for sign-in; the identity API handles the redirect');
  }
}

export interface SignInOptions {
  /** SMART EHR launch: the `launch` id the EPR passed; the token response then names the patient. */
  readonly launch?: string;
}

/**
 * Signs in to one source. Interactive sign-in must only follow a user's click.
 * @returns a fhirclient Client holding the token response (`client.patient.id` after an EHR launch)
 */
export async function signIn(deps: SmartAuthDeps, source: SourceConfig, interactive: boolean, options: SignInOptions = {}): Promise<Client> {
  const adapter = new ExtensionAdapter(deps.store, source.id, deps.redirectUri);
  const scope = options.launch ? `launch ${source.scope ?? ''}`.trim() : source.scope;
  const authorizeUrl = (await authorize(adapter, {
    iss: source.fhirBaseUrl,
    clientId: source.clientId,
    scope,
    launch: options.launch,
    redirectUri: deps.redirectUri,
    pkceMode: 'required',
    noRedirect: true,
    completeInTarget: true,
  })) as unknown as string;
  const callbackUrl = await deps.launchWebAuthFlow(authorizeUrl, interactive);
  adapter.setUrl(callbackUrl);
  return ready(adapter);
}

async function storedState(store: KeyValueStore, sourceId: string): Promise<fhirclient.ClientState | undefined> {
  const storage = sourceStorage(store, sourceId);
  const key = (await storage.get(SMART_KEY)) as string | undefined;
  return key ? ((await storage.get(key)) as fhirclient.ClientState | undefined) : undefined;
}

/**
 * Restores a signed-in client from the session store. Resolves to undefined when the source
 * needs an interactive sign-in. An expired access token is refreshed on first use, not here.
 */
export async function restoreSession(deps: SmartAuthDeps, source: SourceConfig): Promise<Client | undefined> {
  const state = await storedState(deps.store, source.id);
  if (!state?.tokenResponse?.access_token) return undefined;
  return new Client(new ExtensionAdapter(deps.store, source.id, deps.redirectUri), state);
}

/**
 * A token is refreshed rather than used within a minute of expiry, or within a tenth of its life
 * for short-lived tokens (a 30-second token must not be refreshed on every request).
 */
function expiresSoon(client: Client, now: number): boolean {
  const lifetime = Number(client.state.tokenResponse?.expires_in) || 3600;
  return (client.state.expiresAt ?? 0) - Math.min(60, lifetime / 10) < now / 1000;
}

/**
 * The access-token provider for a signed-in source: refreshes silently (offline_access) before
 * expiry, or when `force` says the server refused the token; one refresh at a time per source
 * across all panels. Throws SignInRequiredError when only an interactive sign-in can help.
 */
export function accessTokenProvider(deps: SmartAuthDeps, source: SourceConfig, client: Client, now = () => Date.now()) {
  return async (force: boolean): Promise<string | undefined> => {
    if (!force && !expiresSoon(client, now())) return client.state.tokenResponse?.access_token;
    const seen = client.state.tokenResponse?.access_token;
    return withLock(`fhirside-token-${source.id}`, async () => {
      // Another panel may have refreshed while we waited: adopt its token rather than refresh again.
      const stored = await storedState(deps.store, source.id);
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
  const prefix = storeKeyPrefix(sourceId);
  await store.remove((await store.keys()).filter((key) => key.startsWith(prefix)));
}
