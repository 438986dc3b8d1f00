/**
 * The SMART access token the FHIRcast hub is shown on subscribe: the named source's standing
 * session, refreshed when near expiry like any other use of it. No session, no token: the
 * subscription waits, and is tried again the moment the clinician signs in to that source.
 */
import { browser } from 'wxt/browser';
import type { KeyValueStore } from '../sources/key-value-store';
import { accessTokenProvider, restoreSession, type SmartAuthDeps } from '../sources/smart-auth';
import type { SourceConfig } from '../sources/source-config';
import { launchWebAuthFlow, redirectUri } from './web-auth-flow';

/** @param sources - the configured sources, as the worker currently knows them */
export function hubAccessToken(store: KeyValueStore, sources: () => Promise<readonly SourceConfig[]>) {
  const auth: SmartAuthDeps = { store, launchWebAuthFlow, redirectUri: redirectUri() };
  return async (sourceId: string): Promise<string | undefined> => {
    const source = (await sources()).find((s) => s.id === sourceId);
    const session = source && (await restoreSession(auth, source));
    return source && session ? accessTokenProvider(auth, source, session)(false).catch(() => undefined) : undefined;
  };
}

/** Calls back with a source's id whenever a sign-in to it is stored (or renewed). */
export function onSourceSignedIn(callback: (sourceId: string) => void): void {
  browser.storage.session.onChanged.addListener((changes) => {
    for (const [key, change] of Object.entries(changes)) {
      const sourceId = /^smart:([a-z0-9-]+):/.exec(key)?.[1];
      if (sourceId && change.newValue !== undefined) callback(sourceId);
    }
  });
}
