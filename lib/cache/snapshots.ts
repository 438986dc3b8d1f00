/** "What you saw last time" per patient, encrypted like the summaries, for changed-since marks. */
import type { CacheKeys } from './cache-keys';
import type { FhirsideDatabase } from './db';
import { patientHash, seal, unseal } from './sealed';

/** Reads the snapshot of what was last shown for a patient, or undefined. */
export async function readSnapshot<T>(db: FhirsideDatabase, keys: CacheKeys, patientKey: string): Promise<{ value: T; shownAt: number } | undefined> {
  const hash = await patientHash(keys, patientKey);
  const record = await db.snapshots.get(hash);
  if (!record) return undefined;
  try {
    return { value: await unseal<T>(keys, patientKey, record), shownAt: record.shownAt };
  } catch {
    await db.snapshots.delete(hash);
    return undefined;
  }
}

/** Records what was shown for a patient now. */
export async function writeSnapshot<T>(db: FhirsideDatabase, keys: CacheKeys, patientKey: string, value: T, shownAt = Date.now()): Promise<void> {
  await db.snapshots.put({ patientHash: await patientHash(keys, patientKey), shownAt, ...(await seal(keys, patientKey, value)) });
}
