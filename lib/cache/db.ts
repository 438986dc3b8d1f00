/**
 * The one owner of fhirside's IndexedDB. Schema changes go here, as a new version with its
 * upgrade, and get a migration test from every earlier version (test/cache/db-migration.test.ts).
 */
import { committed, requested, Table } from './idb-table';
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

/** Versions 1–4 were written by Dexie, which numbers a schema version ×10 in IndexedDB itself. */
const INDEXEDDB_VERSION = DATABASE_VERSION * 10;

/** Each table: its key and the fields it is listed by. */
const SCHEMA: Readonly<Record<string, readonly string[]>> = {
  summaries: ['savedAt', 'viewedAt'],
  snapshots: ['shownAt'],
  records: [],
};

/**
 * Brings any earlier database to this schema. Every earlier version's rows are dropped:
 * v3 moved the raw record to a table of its own, and a v1 or v2 row seals summary and record
 * together, which cannot be split here (the keys are not the database's to read); v4 seals each
 * summary with the users it belongs to (copy-owners.ts), and a v3 row names none, so it could be
 * drawn for whoever sits down next. Dropped, each patient is fetched afresh on the next look. Keys
 * live only for a browser session, so rows written before an update are rarely readable anyway.
 */
function upgrade(db: IDBDatabase, transaction: IDBTransaction, oldVersion: number): void {
  if (oldVersion > 0) for (const name of Array.from(db.objectStoreNames)) transaction.objectStore(name).clear();
  for (const [name, indexes] of Object.entries(SCHEMA)) {
    const store = db.objectStoreNames.contains(name) ? transaction.objectStore(name) : db.createObjectStore(name, { keyPath: 'patientHash' });
    for (const index of indexes) if (!store.indexNames.contains(index)) store.createIndex(index, index);
  }
}

export class FhirsideDatabase {
  readonly summaries: Table<CachedSummaryRecord>;
  readonly snapshots: Table<SnapshotRecord>;
  readonly records: Table<CachedRecordRecord>;
  /** The schema version open (0 until opened). */
  verno = 0;
  private connection: Promise<IDBDatabase> | undefined;

  /** @param indexedDB - injected in tests; defaults to the platform's */
  constructor(
    private readonly name = 'fhirside',
    private readonly indexedDB: IDBFactory = globalThis.indexedDB,
  ) {
    const database = () => this.open();
    this.summaries = new Table(database, 'summaries');
    this.snapshots = new Table(database, 'snapshots');
    this.records = new Table(database, 'records');
  }

  get tables(): readonly Table<unknown>[] {
    return [this.summaries, this.snapshots, this.records];
  }

  /** Opens the database once, upgrading it; a connection another page's upgrade closes is opened afresh next time. */
  open(): Promise<IDBDatabase> {
    this.connection ??= (async () => {
      const opening = this.indexedDB.open(this.name, INDEXEDDB_VERSION);
      opening.onupgradeneeded = (event) => upgrade(opening.result, opening.transaction!, event.oldVersion);
      const db = await requested(opening).catch((error: unknown) => {
        this.connection = undefined;
        throw error;
      });
      db.onversionchange = () => {
        db.close();
        this.connection = undefined;
      };
      this.verno = DATABASE_VERSION;
      return db;
    })();
    return this.connection;
  }

  /**
   * Writes to several tables in one transaction: all of it is saved or none (a summary is never
   * saved beside a record from another look-up).
   * @param write - queues the writes on the stores given, synchronously
   */
  async transaction(names: readonly string[], write: (stores: Readonly<Record<string, IDBObjectStore>>) => void): Promise<void> {
    const transaction = (await this.open()).transaction([...names], 'readwrite');
    write(Object.fromEntries(names.map((name) => [name, transaction.objectStore(name)])));
    await committed(transaction);
  }
}
