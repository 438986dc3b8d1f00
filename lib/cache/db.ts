/**
 * The one owner of fhirside's IndexedDB. Schema changes go here, as a new version with its
 * upgrade, and get a migration test from every earlier version.
 */
import Dexie, { type Table } from 'dexie';

export interface CachedSummaryRecord {
  /** HMAC of the patient key under a session-only secret: no NHS number on disk, even as a key. */
  readonly patientHash: string;
  /** When the summary was fetched from the sources (ms since epoch). */
  readonly savedAt: number;
  /** AES-GCM nonce, fresh for every write. */
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly ciphertext: ArrayBuffer;
}

export class FhirsideDatabase extends Dexie {
  summaries!: Table<CachedSummaryRecord, string>;

  /** @param indexedDB - injected in tests; defaults to the platform's */
  constructor(name = 'fhirside', indexedDB?: IDBFactory) {
    super(name, indexedDB ? { indexedDB, IDBKeyRange } : undefined);
    this.version(1).stores({ summaries: 'patientHash, savedAt' });
  }
}
