/** "What you saw last time" per patient, encrypted like the summaries, for changed-since marks. */
import type { CacheKeys } from './cache-keys';
import type { FhirsideDatabase, SnapshotRecord } from './db';
import { patientHash, seal } from './sealed';
import { openSealedRow } from './sealed-rows';

/** Reads the snapshot of what was last shown for a patient, or undefined. */
export async function readSnapshot<T>(db: FhirsideDatabase, keys: CacheKeys, patientKey: string): Promise<{ value: T; shownAt: number } | undefined> {
  const opened = await openSealedRow<SnapshotRecord, T>(db.snapshots, keys, patientKey, (hash) => db.snapshots.delete(hash));
  return opened && { value: opened.value, shownAt: opened.row.shownAt };
}

/** Records what was shown for a patient now. */
export async function writeSnapshot<T>(db: FhirsideDatabase, keys: CacheKeys, patientKey: string, value: T, shownAt = Date.now()): Promise<void> {
  await db.snapshots.put({ patientHash: await patientHash(keys, patientKey), shownAt, ...(await seal(keys, patientKey, value)) });
}
