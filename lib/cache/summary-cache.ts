/** Encrypted read and write of summaries, keyed by patient, in IndexedDB. */
import type { CacheKeys } from './cache-keys';
import type { FhirsideDatabase } from './db';

export interface CachedSummary<T> {
  readonly value: T;
  readonly savedAt: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function patientHash(keys: CacheKeys, patientKey: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', keys.naming, encoder.encode(patientKey));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Stores a summary, encrypted with a fresh IV.
 * @param savedAt - when the data was fetched from the sources
 */
export async function writeCachedSummary<T>(db: FhirsideDatabase, keys: CacheKeys, patientKey: string, value: T, savedAt: number): Promise<void> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plaintext = encoder.encode(JSON.stringify({ patientKey, value }));
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, keys.encryption, plaintext);
  await db.summaries.put({ patientHash: await patientHash(keys, patientKey), savedAt, iv, ciphertext });
}

/**
 * Reads a patient's summary. A record that does not decrypt (keys from an earlier browser
 * session) or that names another patient is deleted and reported as absent.
 */
export async function readCachedSummary<T>(db: FhirsideDatabase, keys: CacheKeys, patientKey: string): Promise<CachedSummary<T> | undefined> {
  const hash = await patientHash(keys, patientKey);
  const record = await db.summaries.get(hash);
  if (!record) return undefined;
  try {
    const plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv }, keys.encryption, record.ciphertext);
    const stored = JSON.parse(decoder.decode(plaintext)) as { patientKey: string; value: T };
    if (stored.patientKey !== patientKey) throw new Error('cached record belongs to another patient');
    return { value: stored.value, savedAt: record.savedAt };
  } catch {
    await db.summaries.delete(hash);
    return undefined;
  }
}

/** Deletes every cached summary. */
export async function clearCache(db: FhirsideDatabase): Promise<void> {
  await db.summaries.clear();
}

/** Deletes summaries older than maxAgeMs; purge on start and before every read keeps the rule simple. */
export async function purgeExpired(db: FhirsideDatabase, maxAgeMs: number, now: number): Promise<number> {
  return db.summaries.where('savedAt').below(now - maxAgeMs).delete();
}
