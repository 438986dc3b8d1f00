/**
 * Keys for the encrypted cache. Their raw bytes live only in memory-backed `storage.session`; when
 * the browser closes they are gone and every stored summary becomes unreadable ("crypto-shredded").
 */
import type { KeyValueStore } from '../sources/key-value-store';

const STORE_KEY = 'cache-keys';

export interface CacheKeys {
  readonly encryption: CryptoKey;
  readonly naming: CryptoKey;
  /** True when these keys were made just now, so anything already on disk is unreadable junk. */
  readonly fresh: boolean;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** Loads the session's cache keys, creating them on first use in this browser session. */
export async function loadCacheKeys(store: KeyValueStore, crypto: Crypto = globalThis.crypto): Promise<CacheKeys> {
  let raw = (await store.get(STORE_KEY)) as { encryption: string; naming: string } | undefined;
  const fresh = !raw;
  if (!raw) {
    raw = {
      encryption: toBase64(crypto.getRandomValues(new Uint8Array(32))),
      naming: toBase64(crypto.getRandomValues(new Uint8Array(32))),
    };
    await store.set(STORE_KEY, raw);
  }
  // Imported non-extractable: page script that somehow reached the panel still cannot export them.
  const encryption = await crypto.subtle.importKey('raw', fromBase64(raw.encryption), 'AES-GCM', false, ['encrypt', 'decrypt']);
  const naming = await crypto.subtle.importKey('raw', fromBase64(raw.naming), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return { encryption, naming, fresh };
}

/** Forgets the keys: the cache on disk becomes unreadable at once. */
export async function dropCacheKeys(store: KeyValueStore): Promise<void> {
  await store.remove(STORE_KEY);
}
