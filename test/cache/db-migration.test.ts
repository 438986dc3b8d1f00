import Dexie from 'dexie';
import { indexedDB as fakeIndexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DATABASE_VERSION, FhirsideDatabase } from '@/lib/cache/db';

let count = 0;
const sealedRow = (patientHash: string, savedAt: number) => ({ patientHash, savedAt, iv: new Uint8Array(12), ciphertext: new ArrayBuffer(4) });

/** A database exactly as an earlier version shipped it, holding one saved summary. */
async function shipped(version: 1 | 2 | 3): Promise<string> {
  const name = `migrate-v${version}-${++count}`;
  const old = new Dexie(name, { indexedDB: fakeIndexedDB, IDBKeyRange });
  old.version(1).stores({ summaries: 'patientHash, savedAt' });
  if (version >= 2) old.version(2).stores({ summaries: 'patientHash, savedAt, viewedAt', snapshots: 'patientHash, shownAt' });
  if (version >= 3) old.version(3).stores({ records: 'patientHash' });
  await old.table('summaries').put(version >= 2 ? { ...sealedRow('h1', 1234), viewedAt: 1300 } : sealedRow('h1', 1234));
  if (version >= 2) await old.table('snapshots').put({ ...sealedRow('h1', 0), shownAt: 1300 });
  if (version >= 3) await old.table('records').put(sealedRow('h1', 1234));
  old.close();
  return name;
}

describe('database upgrades', () => {
  it.each([1, 2] as const)('upgrades a version %i database to the current schema, dropping summaries saved with their record in one row', async (version) => {
    const db = new FhirsideDatabase(await shipped(version), fakeIndexedDB);
    await db.open();
    expect(db.verno).toBe(DATABASE_VERSION);
    // A v1/v2 row seals summary and raw record together: it cannot be split without the session's
    // keys, so the patient is fetched afresh next time rather than half-read.
    expect(await db.summaries.count()).toBe(0);
    expect(await db.records.count()).toBe(0);
    expect(await db.summaries.primaryKeys('viewedAt')).toEqual([]);
  });

  it('upgrades a version 3 database by dropping every row that names no owner: summary, record and snapshot', async () => {
    const db = new FhirsideDatabase(await shipped(3), fakeIndexedDB);
    await db.open();
    expect(db.verno).toBe(DATABASE_VERSION);
    // A v3 summary says nothing of whose it is: drawn after the upgrade, it could be drawn for
    // whoever sat down next. Dropped, it is fetched afresh under the next clinician's own sign-in.
    expect([await db.summaries.count(), await db.records.count(), await db.snapshots.count()]).toEqual([0, 0, 0]);
  });

  it('creates the current schema from nothing', async () => {
    const db = new FhirsideDatabase(`fresh-${++count}`, fakeIndexedDB);
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(['records', 'snapshots', 'summaries']);
  });
});
