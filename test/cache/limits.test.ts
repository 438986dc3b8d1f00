import { indexedDB as fakeIndexedDB } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { loadCacheKeys } from '@/lib/cache/cache-keys';
import { FhirsideDatabase } from '@/lib/cache/db';
import { CacheFullError, enforcePatientLimit, readCachedSummary, writeCachedSummary } from '@/lib/cache/summary-cache';
import { memoryStore } from '@/lib/sources/key-value-store';

let count = 0;
const setup = async () => ({ db: new FhirsideDatabase(`limits-${++count}`, fakeIndexedDB), keys: await loadCacheKeys(memoryStore()) });
const key = (n: number) => `https://fhir.nhs.uk/Id/nhs-number|${n}`;
const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('cache limits', () => {
  it('evicts the least recently viewed patients beyond the limit', async () => {
    const { db, keys } = await setup();
    for (let i = 1; i <= 4; i++) await writeCachedSummary(db, keys, key(i), { i }, 0, i * 10);
    await readCachedSummary(db, keys, key(1), 100); // patient 1 looked at again: now the most recent
    await enforcePatientLimit(db, 2);
    const left = await Promise.all([1, 2, 3, 4].map(async (i) => (await readCachedSummary(db, keys, key(i))) !== undefined));
    expect(left).toEqual([true, false, false, true]);
  });

  it('on a full disk evicts the older half and saves anyway', async () => {
    const { db, keys } = await setup();
    for (let i = 1; i <= 4; i++) await writeCachedSummary(db, keys, key(i), { i }, 0, i);
    // The save's one transaction fails for want of room once, as IndexedDB reports it.
    vi.spyOn(db, 'transaction').mockImplementationOnce(() => Promise.reject(quotaError()));
    await writeCachedSummary(db, keys, key(5), { i: 5 }, 0, 50);
    expect(await readCachedSummary(db, keys, key(5))).toMatchObject({ value: { i: 5 } });
    expect(await db.summaries.count()).toBe(3);
  });

  it('says the cache is full when even eviction does not help, without losing what is there', async () => {
    const { db, keys } = await setup();
    await writeCachedSummary(db, keys, key(1), { i: 1 }, 0, 1);
    vi.spyOn(db, 'transaction').mockImplementation(() => Promise.reject(quotaError()));
    await expect(writeCachedSummary(db, keys, key(2), { i: 2 }, 0, 2)).rejects.toBeInstanceOf(CacheFullError);
  });
});
