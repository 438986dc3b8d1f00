/**
 * The one owner of fhirside's IndexedDB. Schema changes go here, as a new version with its
 * upgrade, and get a migration test from every earlier version (test/cache/db-migration.test.ts).
 */
import Dexie, { type Table } from 'dexie';
import type { Sealed } from './sealed';

export interface CachedSummaryRecord extends Sealed {
  /** HMAC of the patient key under a session-only secret. */
  readonly patientHash: string;
  /** When the data was fetched from the sources (ms since epoch). */
  readonly savedAt: number;
  /** When a clinician last looked at this patient: the least recently viewed go first. */
  readonly viewedAt: number;
}

/** What this browser showed last time for a patient, for "changed since you last looked". */
export interface SnapshotRecord extends Sealed {
  readonly patientHash: string;
  readonly shownAt: number;
}

export const DATABASE_VERSION = 2;

export class FhirsideDatabase extends Dexie {
  summaries!: Table<CachedSummaryRecord, string>;
  snapshots!: Table<SnapshotRecord, string>;

  /** @param indexedDB - injected in tests; defaults to the platform's */
  constructor(name = 'fhirside', indexedDB?: IDBFactory) {
    super(name, indexedDB ? { indexedDB, IDBKeyRange } : undefined);
    this.version(1).stores({ summaries: 'patientHash, savedAt' });
    // v2: least-recently-viewed eviction needs viewedAt; the changed-since snapshots get a table.
    this.version(2)
      .stores({ summaries: 'patientHash, savedAt, viewedAt', snapshots: 'patientHash, shownAt' })
      .upgrade((tx) =>
        tx
          .table('summaries')
          .toCollection()
          .modify((record: { savedAt: number; viewedAt?: number }) => {
            record.viewedAt = record.savedAt;
          }),
      );
  }
}
