/** Encrypted read and write of look-up results, keyed by patient, with lifetime and size limits. */
import type { CacheKeys } from './cache-keys';
import type { CachedRecordRecord, CachedSummaryRecord, FhirsideDatabase } from './db';
import { patientHash, seal, unseal } from './sealed';
import { openSealedRow } from './sealed-rows';

export interface CachedSummary<T> {
  readonly value: T;
  readonly savedAt: number;
  /** Set when `value` is the copy drawn first: reads the whole summary saved beside it. */
  readonly whole?: () => Promise<T>;
}

/** The cache is full even after evicting; the look-up carries on without saving. */
export class CacheFullError extends Error {
  override readonly name = 'CacheFullError';
}

const isQuotaError = (error: unknown) =>
  error instanceof Error && (error.name === 'QuotaExceededError' || (error as { inner?: Error }).inner?.name === 'QuotaExceededError');

/**
 * Stores a patient's look-up, encrypted: the summary, and beside it (sealed apart, read only when
 * needed) the record it was built from. On a full disk the least recently viewed half is evicted
 * and the write tried once more; after that CacheFullError (never a failed look-up).
 * @param savedAt - when the data was fetched from the sources
 * @param record - what revalidation needs; without one, any earlier record of the patient goes
 * @param firstScreen - the copy to draw first, where it is lighter than `value` (drawn whole otherwise)
 */
export async function writeCachedSummary<T>(db: FhirsideDatabase, keys: CacheKeys, patientKey: string, value: T, savedAt: number, now = Date.now(), record?: unknown, firstScreen?: T): Promise<void> {
  const hash = await patientHash(keys, patientKey);
  const summary: CachedSummaryRecord = {
    patientHash: hash,
    savedAt,
    viewedAt: now,
    ...(await seal(keys, patientKey, value)),
    ...(firstScreen === undefined ? {} : { firstScreen: await seal(keys, patientKey, firstScreen) }),
  };
  const raw = record === undefined ? undefined : { patientHash: hash, ...(await seal(keys, patientKey, record)) };
  // One transaction: a summary is never saved beside a record from another look-up.
  const put = () =>
    db.transaction(['summaries', 'records'], ({ summaries, records }) => {
      summaries!.put(summary);
      if (raw) records!.put(raw);
      else records!.delete(hash);
    });
  try {
    await put();
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    await evictLeastRecentlyViewed(db, Math.ceil((await db.summaries.count()) / 2));
    try {
      await put();
    } catch (retryError) {
      if (isQuotaError(retryError)) throw new CacheFullError('The browser has no room left for saved summaries');
      throw retryError;
    }
  }
}

/**
 * Reads a patient's saved summary and marks it viewed. A record that does not decrypt (keys from
 * an earlier browser session) or that names another patient is deleted and reported as absent.
 * Only the summary is read: the record beside it waits for readCachedRecord. Where a copy to draw
 * first was saved, that is what is opened, and `whole` opens the whole summary.
 */
export async function readCachedSummary<T>(db: FhirsideDatabase, keys: CacheKeys, patientKey: string, now = Date.now()): Promise<CachedSummary<T> | undefined> {
  const opened = await openSealedRow<CachedSummaryRecord, T>(db.summaries, keys, patientKey, (hash) => deletePatients(db, [hash]), (row) => row.firstScreen ?? row);
  if (!opened) return undefined;
  // Marked viewed off the way to the screen: IndexedDB runs a later transaction on the table after
  // this one, so eviction by last view still sees it.
  void db.summaries.update(opened.hash, { viewedAt: now }).catch(() => undefined);
  const { row } = opened;
  return { value: opened.value, savedAt: row.savedAt, ...(row.firstScreen ? { whole: () => unseal<T>(keys, patientKey, row) } : {}) };
}

/** Reads the record saved beside a patient's summary, or undefined (none, or unreadable: then deleted). */
export async function readCachedRecord<T>(db: FhirsideDatabase, keys: CacheKeys, patientKey: string): Promise<T | undefined> {
  return (await openSealedRow<CachedRecordRecord, T>(db.records, keys, patientKey, (hash) => db.records.delete(hash)))?.value;
}

/** Everything saved for these patients: summary, record and snapshot. */
function deletePatients(db: FhirsideDatabase, hashes: string[]): Promise<unknown> {
  return Promise.all([db.summaries.bulkDelete(hashes), db.records.bulkDelete(hashes), db.snapshots.bulkDelete(hashes)]);
}

/** Deletes the `count` least recently viewed summaries. */
export async function evictLeastRecentlyViewed(db: FhirsideDatabase, count: number): Promise<void> {
  if (count <= 0) return;
  const oldest = await db.summaries.primaryKeys('viewedAt', { limit: count });
  await deletePatients(db, oldest);
}

/** Keeps at most `maxPatients` summaries, evicting the least recently viewed. */
export async function enforcePatientLimit(db: FhirsideDatabase, maxPatients: number): Promise<void> {
  await evictLeastRecentlyViewed(db, (await db.summaries.count()) - maxPatients);
}

/** Deletes every cached summary, record and snapshot: "Clear all data", sign-out of all, policy change. */
export async function clearCache(db: FhirsideDatabase): Promise<void> {
  await Promise.all([db.summaries.clear(), db.records.clear(), db.snapshots.clear()]);
}

/** Deletes summaries fetched longer ago than maxAgeMs; returns how many went. */
export async function purgeExpired(db: FhirsideDatabase, maxAgeMs: number, now: number): Promise<number> {
  const expired = await db.summaries.primaryKeys('savedAt', { below: now - maxAgeMs });
  await deletePatients(db, expired);
  return expired.length;
}
