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
  /**
   * The copy drawn first (lib/summary/first-screen-copy.ts), sealed beside the whole summary, which
   * is read straight after. Not indexed, so no schema version: a row without it is drawn whole.
   */
  readonly firstScreen?: Sealed;
}

/**
 * What revalidation needs and the screen does not: each source's raw resources, sealed apart from
 * the summary so that drawing a saved summary never has to decrypt and parse them (for a record of
 * thousands of results they are four times the summary's size). Written with its summary, in one
 * transaction; named, aged and evicted with it.
 */
export interface CachedRecordRecord extends Sealed {
  readonly patientHash: string;
}

/** What this browser showed last time for a patient, for "changed since you last looked". */
export interface SnapshotRecord extends Sealed {
  readonly patientHash: string;
  readonly shownAt: number;
}

export const DATABASE_VERSION = 4;

export class FhirsideDatabase extends Dexie {
  summaries!: Table<CachedSummaryRecord, string>;
  snapshots!: Table<SnapshotRecord, string>;
  records!: Table<CachedRecordRecord, string>;

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
    // v3: the raw record moves to a table of its own. A v2 row seals summary and record together
    // and cannot be split here (the keys are not the database's to read), so v2 rows are dropped:
    // the next look at each patient fetches afresh. Keys live only for a browser session, so rows
    // written before an update are rarely still readable anyway.
    this.version(3)
      .stores({ records: 'patientHash' })
      .upgrade((tx) => tx.table('summaries').clear());
    // v4: a saved summary is sealed with the users it belongs to (copy-owners.ts). A v3 row names
    // no owner and could be drawn for whoever sits down next, so it and its record are dropped, and
    // so are the snapshots of what whoever it was saw last time.
    this.version(4)
      .stores({})
      .upgrade((tx) => Promise.all([tx.table('summaries').clear(), tx.table('records').clear(), tx.table('snapshots').clear()]));
  }
}
