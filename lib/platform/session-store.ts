/** `storage.session` as a KeyValueStore: memory only, cleared when the browser closes. */
import { browser } from 'wxt/browser';
import type { KeyValueStore } from '../sources/key-value-store';

/** The extension's session store; never reachable from content scripts (default access level). */
export function sessionStore(): KeyValueStore {
  const area = browser.storage.session;
  return {
    get: async (key) => (await area.get(key))[key],
    set: (key, value) => area.set({ [key]: value }),
    remove: (keys) => area.remove(keys),
    keys: async () => Object.keys(await area.get(null)),
  };
}
