/**
 * "Clear all data": every saved summary and snapshot, the keys that could read them, and every
 * source's tokens, at once. Settings stay (they hold no patient data); the page's current patient
 * stays followed, so the panel can look up again after a fresh sign-in.
 */
import type { KeyValueStore } from '../sources/key-value-store';
import { dropCacheKeys } from './cache-keys';
import type { FhirsideDatabase } from './db';
import { clearCache } from './summary-cache';

/** Wipes cached clinical data and tokens. */
export async function clearAllData(db: FhirsideDatabase, store: KeyValueStore): Promise<void> {
  const tokenKeys = (await store.keys()).filter((key) => key.startsWith('smart:'));
  await Promise.all([clearCache(db), store.remove(tokenKeys), dropCacheKeys(store)]);
}
