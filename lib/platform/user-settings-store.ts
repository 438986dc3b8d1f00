/**
 * The clinician's own settings from the options page, kept in the extension origin's IndexedDB
 * (lib/platform/settings-database.ts), which content scripts cannot reach. They used to live in
 * `storage.local`, which a content script may write: they are moved from there once, and a marker
 * saved beside them makes sure `storage.local` is never read for settings again.
 * Settings only: tokens live in storage.session and clinical data in the encrypted cache.
 */
import { browser } from 'wxt/browser';
import type { UserSettings } from '../config/model';
import { getKey, inSettingsTransaction, putKey } from './settings-database';

/** The key the settings used to have in storage.local. */
const LEGACY_KEY = 'settings';
const SETTINGS = 'user';
const MIGRATED = 'migrated-from-storage-local';
/** Tells the other extension pages and the background that the settings changed. */
const CHANNEL = 'fhirside-settings';

/**
 * Runs `body` on the settings store after moving the settings out of storage.local, once per profile:
 * once the marker is set, whatever a page writes under the old key is ignored. Pages racing to
 * migrate are serialised by the read-write transaction; only the one that migrates removes the old key.
 */
async function withMigrated<T>(body: (store: IDBObjectStore) => Promise<T>): Promise<T> {
  const legacy: unknown = (await browser.storage.local.get(LEGACY_KEY))[LEGACY_KEY];
  let moved = false;
  const result = await inSettingsTransaction(async (store) => {
    if (!(await getKey(store, MIGRATED))) {
      if (legacy !== undefined && (await getKey(store, SETTINGS)) === undefined) await putKey(store, SETTINGS, legacy);
      await putKey(store, MIGRATED, true);
      moved = true;
    }
    return body(store);
  });
  if (moved) await browser.storage.local.remove(LEGACY_KEY);
  return result;
}

/** Reads the saved settings (unchecked: lib/config validates them), or undefined. */
export async function readUserSettings(): Promise<unknown> {
  return withMigrated((store) => getKey(store, SETTINGS));
}

/** Saves the settings, replacing what was there, and tells every open extension page. */
export async function writeUserSettings(settings: UserSettings): Promise<void> {
  await withMigrated((store) => putKey(store, SETTINGS, settings));
  // A BroadcastChannel reaches every other channel of that name in the extension's origin, this
  // page's own listeners included (only the sending channel itself hears nothing).
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('changed');
  channel.close();
}

/** Calls back when the saved settings change (in any of the extension's pages). */
export function onUserSettingsChanged(callback: () => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => callback();
  return () => channel.close();
}
