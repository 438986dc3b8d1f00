/**
 * The part of SMART sign-in that needs fhirclient: the authorization-code + PKCE exchange and the
 * token refresh. fhirclient is about a fifth of the panel's code, and a look-up with a valid token
 * never calls it, so smart-auth.ts loads this module only when a sign-in or a refresh happens.
 *
 * fhirclient is adapted to a browser extension: the authorize URL is opened with
 * `identity.launchWebAuthFlow` instead of a page redirect, and its state lives in a per-source
 * slice of session storage.
 */
import BrowserAdapterExport from 'fhirclient/lib/adapters/BrowserAdapter';
import ClientExport from 'fhirclient/lib/Client';
import { authorize, ready } from 'fhirclient/lib/smart';
import type { fhirclient } from 'fhirclient/lib/types';
import type { KeyValueStore } from './key-value-store';
import type { SmartAuthDeps, SignInOptions } from './smart-auth';
import { bindSession } from './session-binding';
import { sourceStorage, storedState } from './smart-storage';
import type { SourceConfig } from './source-config';

/** fhirclient ships CommonJS; bundlers differ on whether `default` is the class or holds it. */
function commonJsDefault<T>(value: T): T {
  return ((value as { default?: T }).default ?? value) as T;
}
const BrowserAdapter = commonJsDefault(BrowserAdapterExport);
const Client = commonJsDefault(ClientExport);
type Client = ClientExport;

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

/** Runs the SMART standalone (or EHR) launch for one source; see smart-auth.ts signIn. */
export async function signInWithClient(deps: SmartAuthDeps, source: SourceConfig, interactive: boolean, options: SignInOptions): Promise<Client> {
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
  // Bound before the tokens are stored: whatever restores the session the moment they appear (the
  // worker's FHIRcast subscription listens for them) must find it bound, or it drops it as unbound.
  const pending = await storedState(deps.store, source.id);
  if (pending) await bindSession(deps.store, source, pending);
  const callbackUrl = await deps.launchWebAuthFlow(authorizeUrl, interactive);
  adapter.setUrl(callbackUrl);
  const client = await ready(adapter);
  await bindSession(deps.store, source, client.state);
  return client;
}

/**
 * A fhirclient Client over a stored state. It keeps the very object it is given, so a refresh
 * updates that object's tokens in place.
 */
export function clientFromState(deps: SmartAuthDeps, source: SourceConfig, state: fhirclient.ClientState): Client {
  return new Client(new ExtensionAdapter(deps.store, source.id, deps.redirectUri), state);
}
