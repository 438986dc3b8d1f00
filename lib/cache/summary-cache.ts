/** Encrypted read and write of look-up results, keyed by patient, with lifetime and size limits. */
import type { CacheKeys } from './cache-keys';
import type { FhirsideDatabase } from './db';
import { patientHash, seal, unseal } from './sealed';

export interface CachedSummary<T> {
  readonly value: T;
  readonly savedAt: number;
}

/** The cache is full even after evicting; the look-up carries on without saving. */
export class CacheFullError extends Error {
  override readonly name = 'CacheFullError';
}

const isQuotaError = (error: unknown) =>
  error instanceof Error && (error.name === 'QuotaExceededError' || (error as { inner?: Error }).inner?.name === 'QuotaExceededError');

/**
 * Stores a patient's look-up, encrypted. On a full disk the least recently viewed half is evicted
 * and the write tried once more; after that CacheFullError (never a failed look-up).
 * @param savedAt - when the data was fetched from the sources
 */
export async function writeCachedSummary<T>(db: FhirsideDatabase, keys: CacheKeys, patientKey: string, value: T, savedAt: number, now = Date.now()): Promise<void> {
  const record = { patientHash: await patientHash(keys, patientKey), savedAt, viewedAt: now, ...(await seal(keys, patientKey, value)) };
  try {
    await db.summaries.put(record);
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    await evictLeastRecentlyViewed(db, Math.ceil((await db.summaries.count()) / 2));
    try {
      await db.summaries.put(record);
    } catch (retryError) {
      if (isQuotaError(retryError)) throw new CacheFullError('The browser has no room left for saved summaries');
      throw retryError;
    }
  }
}

/**
 * Reads a patient's look-up and marks it viewed. A record that does not decrypt (keys from an
 * earlier browser session) or that names another patient is deleted and reported as absent.
 */
export async function readCachedSummary<T>(db: FhirsideDatabase, keys: CacheKeys, patientKey: string, now = Date.now()): Promise<CachedSummary<T> | undefined> {
  const hash = await patientHash(keys, patientKey);
  const record = await db.summaries.get(hash);
  if (!record) return undefined;
  try {
    const value = await unseal<T>(keys, patientKey, record);
    await db.summaries.update(hash, { viewedAt: now });
    return { value, savedAt: record.savedAt };
  } catch {
    await db.summaries.delete(hash);
    return undefined;
  }
}

/** Deletes the `count` least recently viewed summaries. */
export async function evictLeastRecentlyViewed(db: FhirsideDatabase, count: number): Promise<void> {
  if (count <= 0) return;
  const oldest = await db.summaries.orderBy('viewedAt').limit(count).primaryKeys();
  await db.summaries.bulkDelete(oldest);
  await db.snapshots.bulkDelete(oldest);
}

/** Keeps at most `maxPatients` summaries, evicting the least recently viewed. */
export async function enforcePatientLimit(db: FhirsideDatabase, maxPatients: number): Promise<void> {
  await evictLeastRecentlyViewed(db, (await db.summaries.count()) - maxPatients);
}

/** Deletes every cached summary and snapshot: "Clear all data", sign-out of all, policy change. */
export async function clearCache(db: FhirsideDatabase): Promise<void> {
  await Promise.all([db.summaries.clear(), db.snapshots.clear()]);
}

/** Deletes summaries fetched longer ago than maxAgeMs; returns how many went. */
export async function purgeExpired(db: FhirsideDatabase, maxAgeMs: number, now: number): Promise<number> {
  const expired = await db.summaries.where('savedAt').below(now - maxAgeMs).primaryKeys();
  await db.summaries.bulkDelete(expired);
  await db.snapshots.bulkDelete(expired);
  return expired.length;
}
