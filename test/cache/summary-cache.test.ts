import { indexedDB as fakeIndexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { dropCacheKeys, loadCacheKeys } from '@/lib/cache/cache-keys';
import { FhirsideDatabase } from '@/lib/cache/db';
import { patientHash } from '@/lib/cache/sealed';
import { clearCache, evictLeastRecentlyViewed, purgeExpired, readCachedRecord, readCachedSummary, writeCachedSummary } from '@/lib/cache/summary-cache';
import { memoryStore } from '@/lib/sources/key-value-store';
import { hollowayContext, okaforContext } from '../fixtures';

const summary = { banner: { family: 'Holloway', nhsNumber: '9990000018' }, allergies: ['Penicillin'] };
let dbCount = 0;
const freshDb = () => new FhirsideDatabase(`test-${++dbCount}`, fakeIndexedDB);

describe('the encrypted summary cache', () => {
  it('gives back what was saved, with when it was fetched', async () => {
    const db = freshDb();
    const keys = await loadCacheKeys(memoryStore());
    await writeCachedSummary(db, keys, hollowayContext.key, summary, 1_700_000_000_000);
    expect(await readCachedSummary(db, keys, hollowayContext.key)).toEqual({ value: summary, savedAt: 1_700_000_000_000 });
    expect(await readCachedSummary(db, keys, okaforContext.key)).toBeUndefined();
  });

  it('opens the copy to draw first where one was saved, and the whole summary when asked', async () => {
    const db = freshDb();
    const keys = await loadCacheKeys(memoryStore());
    const firstScreen = { ...summary, allergies: ['Penicillin'], thinned: true };
    await writeCachedSummary(db, keys, hollowayContext.key, summary, 5, 5, undefined, firstScreen);
    const read = await readCachedSummary<typeof firstScreen>(db, keys, hollowayContext.key);
    expect(read).toMatchObject({ value: firstScreen, savedAt: 5 });
    expect(await read!.whole!()).toEqual(summary);
    const [record] = await db.summaries.toArray();
    expect(new TextDecoder().decode(record!.firstScreen!.ciphertext)).not.toContain('Holloway');
    // A later save without one leaves only the whole summary to draw.
    await writeCachedSummary(db, keys, hollowayContext.key, summary, 6);
    expect(await readCachedSummary(db, keys, hollowayContext.key)).toEqual({ value: summary, savedAt: 6 });
  });

  it('stores no name, NHS number or allergy in readable form', async () => {
    const db = freshDb();
    await writeCachedSummary(db, await loadCacheKeys(memoryStore()), hollowayContext.key, summary, 1);
    const [record] = await db.summaries.toArray();
    const onDisk = JSON.stringify(record) + new TextDecoder().decode(record!.ciphertext);
    for (const secret of ['Holloway', '9990000018', 'Penicillin']) expect(onDisk).not.toContain(secret);
  });

  it('uses a fresh IV for every write', async () => {
    const db = freshDb();
    const keys = await loadCacheKeys(memoryStore());
    await writeCachedSummary(db, keys, hollowayContext.key, summary, 1);
    const first = (await db.summaries.toArray())[0]!.iv;
    await writeCachedSummary(db, keys, hollowayContext.key, summary, 2);
    const second = (await db.summaries.toArray())[0]!.iv;
    expect(Array.from(second)).not.toEqual(Array.from(first));
  });

  it('cannot be read once the session keys are gone (browser restart), and deletes what it cannot read', async () => {
    const db = freshDb();
    const store = memoryStore();
    await writeCachedSummary(db, await loadCacheKeys(store), hollowayContext.key, summary, 1);
    await dropCacheKeys(store);
    const newKeys = await loadCacheKeys(store);
    expect(newKeys.fresh).toBe(true);
    // The old record's name is an HMAC under the old key, so it is not even findable.
    expect(await readCachedSummary(db, newKeys, hollowayContext.key)).toBeUndefined();
  });

  it('purges summaries older than the maximum age', async () => {
    const db = freshDb();
    const keys = await loadCacheKeys(memoryStore());
    await writeCachedSummary(db, keys, hollowayContext.key, summary, 1_000);
    await writeCachedSummary(db, keys, okaforContext.key, summary, 9_000);
    expect(await purgeExpired(db, 5_000, 10_000)).toBe(1);
    expect(await readCachedSummary(db, keys, hollowayContext.key)).toBeUndefined();
    expect(await readCachedSummary(db, keys, okaforContext.key)).toBeDefined();
  });

  describe('the raw record saved beside the summary', () => {
    const record = { gp: { patientId: 'p01-gp', fetchedAt: 5, resources: [{ resourceType: 'AllergyIntolerance', id: 'a1', code: { text: 'Penicillin' } }] } };

    it('is sealed apart and read only when asked for', async () => {
      const db = freshDb();
      const keys = await loadCacheKeys(memoryStore());
      await writeCachedSummary(db, keys, hollowayContext.key, summary, 7, 8, record);
      const [summaryRow] = await db.summaries.toArray();
      const [recordRow] = await db.records.toArray();
      expect(recordRow!.patientHash).toBe(summaryRow!.patientHash);
      expect(new TextDecoder().decode(recordRow!.ciphertext)).not.toContain('Penicillin');
      expect(await readCachedSummary(db, keys, hollowayContext.key)).toEqual({ value: summary, savedAt: 7 });
      expect(await readCachedRecord(db, keys, hollowayContext.key)).toEqual(record);
      expect(await readCachedRecord(db, keys, okaforContext.key)).toBeUndefined();
    });

    it('never outlives its summary: a save without one, eviction, the age limit and Clear all data take it too', async () => {
      const db = freshDb();
      const keys = await loadCacheKeys(memoryStore());
      await writeCachedSummary(db, keys, hollowayContext.key, summary, 1, 1, record);
      await writeCachedSummary(db, keys, hollowayContext.key, summary, 2, 2);
      expect(await readCachedRecord(db, keys, hollowayContext.key)).toBeUndefined();

      await writeCachedSummary(db, keys, hollowayContext.key, summary, 1_000, 3, record);
      await writeCachedSummary(db, keys, okaforContext.key, summary, 9_000, 4, record);
      await purgeExpired(db, 5_000, 10_000);
      expect(await readCachedRecord(db, keys, hollowayContext.key)).toBeUndefined();
      await evictLeastRecentlyViewed(db, 1);
      expect(await db.records.count()).toBe(0);

      await writeCachedSummary(db, keys, okaforContext.key, summary, 9_000, 5, record);
      await clearCache(db);
      expect(await db.records.count()).toBe(0);
    });

    it('is refused when it names another patient (a row moved under another name), and deleted', async () => {
      const db = freshDb();
      const keys = await loadCacheKeys(memoryStore());
      await writeCachedSummary(db, keys, hollowayContext.key, summary, 1, 1, record);
      const hollowayRow = (await db.records.get(await patientHash(keys, hollowayContext.key)))!;
      const okaforHash = await patientHash(keys, okaforContext.key);
      await db.records.put({ ...hollowayRow, patientHash: okaforHash });
      expect(await readCachedRecord(db, keys, okaforContext.key)).toBeUndefined();
      expect(await db.records.get(okaforHash)).toBeUndefined();
    });
  });
});
