/**
 * The clinician's own settings from the options page, in `storage.local` under one key.
 * Settings only: tokens live in storage.session and clinical data in the encrypted cache.
 */
import { browser } from 'wxt/browser';
import type { UserSettings } from '../config/model';

const KEY = 'settings';

/** Reads the saved settings (unchecked: lib/config validates them), or undefined. */
export async function readUserSettings(): Promise<unknown> {
  return (await browser.storage.local.get(KEY))[KEY];
}

/** Saves the settings, replacing what was there. */
export async function writeUserSettings(settings: UserSettings): Promise<void> {
  await browser.storage.local.set({ [KEY]: settings });
}

/** Calls back when the saved settings change (in any of the extension's pages). */
export function onUserSettingsChanged(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEY in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
