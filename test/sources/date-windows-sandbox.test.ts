// A long result series asked as date windows side by side against the sandbox's FHIR engine (real
// HTTP, real search): the same Observations as the one chain of next links, each once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST, SOURCES } from '../../sandbox/config';
import { generateSourceResources } from '../../sandbox/data/generate';
import { startFhirServer, type FhirServer } from '../../sandbox/fhir/server';
import { fetchRecord, type QueryResult } from '@/lib/sources/fetch-record';
import { createFhirGet } from '@/lib/sources/fhir-http';
import { queryKey } from '@/lib/sources/first-round';
import { withParams } from '@/lib/sources/adapt-query';
import { patientQueries, isResultSeries } from '@/lib/sources/queries';
import type { Bundle } from '@/lib/fhir/resource';
import type { SourceConfig } from '@/lib/sources/source-config';

let server: FhirServer;
beforeAll(async () => {
  const acute = SOURCES.find((s) => s.id === 'acute')!;
  server = await startFhirServer({ source: acute, host: HOST, port: 0, resources: generateSourceResources('acute'), authIssuer: 'http://127.0.0.1:18100' });
}, 120_000);
afterAll(() => server.close());

const signal = new AbortController().signal;
const NOW = Date.parse('2026-12-02');
const source = (): SourceConfig => ({ id: 'acute', name: 'Acute', fhirBaseUrl: server.baseUrl, auth: 'none', identifierSystems: [], pageSize: 100, timeoutMs: 20_000 });

/** George Taylor's Observations within the horizon, fetched as a look-up does after its first round trip. */
async function series(windows: number | undefined, horizon = true, refuseWindows = false) {
  const requests: string[] = [];
  const get = createFhirGet({
    fetch: (input, init) => {
      requests.push(String(input));
      // A server that will not search by a date window.
      if (refuseWindows && String(input).includes('date=lt')) return Promise.resolve(new Response('{"resourceType":"OperationOutcome"}', { status: 400 }));
      return fetch(input, init);
    },
    timeoutMs: 20_000,
  });
  const query = patientQueries(source(), 'p10-acute', NOW, horizon ? {} : { allResults: true }).find(isResultSeries)!;
  // The first round's probe: the series' first page of 100.
  const url = `${server.baseUrl}/${withParams(query, (p) => p.set('_count', '100')).url}`;
  const page = (await get(url, signal)) as Bundle;
  const results: QueryResult[] = [];
  await fetchRecord({
    get, baseUrl: server.baseUrl, queries: [query], batch: false, maxPages: 200, signal, onResult: (r) => results.push(r),
    chained: new Map([[queryKey(query), { url, page }]]), patientId: 'p10-acute', now: NOW, ...(windows ? { windows } : {}),
  });
  const result = results.find((r) => r.resourceType === 'Observation')!;
  return { result, ids: result.resources.map((r) => r.id!), requests: requests.slice(1) };
}

describe('a long result series in date windows side by side', () => {
  it('brings exactly the Observations the one chain of pages brings, each once', async () => {
    const chain = await series(undefined);
    const windowed = await series(4);
    expect(chain.ids.length).toBeGreaterThan(5000);
    expect(windowed.result.problem).toBeUndefined();
    expect(new Set(windowed.ids).size).toBe(windowed.ids.length);
    expect([...windowed.ids].sort()).toEqual([...chain.ids].sort());
    // Four windows asked, each bounded by date; the chain asked none.
    const windowsAsked = new Set(windowed.requests.map((u) => new URL(u).searchParams.getAll('date').join(' ')));
    expect(windowsAsked.size).toBe(4);
    expect(chain.requests.some((u) => u.includes('date=lt'))).toBe(false);
  }, 120_000);

  it('asks the series as one chain again when the source refuses a window, and loses nothing', async () => {
    const chain = await series(undefined);
    const refused = await series(4, true, true);
    expect(refused.result.problem).toBeUndefined();
    expect([...refused.ids].sort()).toEqual([...chain.ids].sort());
    expect(refused.requests.some((u) => u.includes('date=lt'))).toBe(true);
  }, 120_000);

  it('asks every result as one chain when nothing bounds the series below', async () => {
    const all = await series(4, false);
    expect(all.requests.some((u) => u.includes('date='))).toBe(false);
    expect(all.ids.length).toBeGreaterThan(12000);
  }, 120_000);
});
