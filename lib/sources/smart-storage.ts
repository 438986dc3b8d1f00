/**
 * Where SMART state lives: a per-source slice of the (memory-only) session store.
 *
 * Why per source: fhirclient remembers "the current state" under one fixed key (SMART_KEY); with
 * several sources in one store they would overwrite each other's tokens.
 */
import type { fhirclient } from 'fhirclient/lib/types';
import type { KeyValueStore } from './key-value-store';

/** fhirclient's key for "the current state" (fhirclient/lib/settings SMART_KEY). */
const SMART_KEY = 'SMART_KEY';

/** The prefix of every key one source's sign-in state is stored under. */
export const storeKeyPrefix = (sourceId: string) => `smart:${sourceId}:`;

/** fhirclient's Storage interface over one source's slice of the session store. */
export function sourceStorage(store: KeyValueStore, sourceId: string): fhirclient.Storage {
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

/** The signed-in state fhirclient saved for a source, if any. */
export async function storedState(store: KeyValueStore, sourceId: string): Promise<fhirclient.ClientState | undefined> {
  const storage = sourceStorage(store, sourceId);
  const key = (await storage.get(SMART_KEY)) as string | undefined;
  return key ? ((await storage.get(key)) as fhirclient.ClientState | undefined) : undefined;
}
