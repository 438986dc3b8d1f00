import Dexie from 'dexie';
import { indexedDB as fakeIndexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DATABASE_VERSION, FhirsideDatabase } from '@/lib/cache/db';

let count = 0;

describe('database upgrades', () => {
  it('upgrades a version 1 database without losing a summary, giving it a viewed time', async () => {
    const name = `migrate-v1-${++count}`;
    // Exactly the version 1 schema as it shipped.
    const v1 = new Dexie(name, { indexedDB: fakeIndexedDB, IDBKeyRange });
    v1.version(1).stores({ summaries: 'patientHash, savedAt' });
    await v1.table('summaries').put({ patientHash: 'h1', savedAt: 1234, iv: new Uint8Array(12), ciphertext: new ArrayBuffer(4) });
    v1.close();

    const db = new FhirsideDatabase(name, fakeIndexedDB);
    await db.open();
    expect(db.verno).toBe(DATABASE_VERSION);
    expect(await db.summaries.get('h1')).toMatchObject({ patientHash: 'h1', savedAt: 1234, viewedAt: 1234 });
    expect(await db.snapshots.count()).toBe(0);
    expect(await db.summaries.orderBy('viewedAt').primaryKeys()).toEqual(['h1']);
  });

  it('creates the current schema from nothing', async () => {
    const db = new FhirsideDatabase(`fresh-${++count}`, fakeIndexedDB);
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(['snapshots', 'summaries']);
  });
});
