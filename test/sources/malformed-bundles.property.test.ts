/**
 * Property: a source that answers with garbage — Bundles with wrong types everywhere, null entries,
 * links that are not links, batch answers of the wrong shape — never makes the fetch layer throw
 * anything but its own typed error (a search) or a problem in words on the result (a record).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FhirRequestError } from '@/lib/sources/fhir-error';
import type { FhirGet } from '@/lib/sources/fhir-http';
import { fetchRecord, type QueryResult } from '@/lib/sources/fetch-record';
import { searchAll } from '@/lib/sources/search';

const BASE = 'https://gp.example/fhir';
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, 0, '', 'Bundle', [], {}),
  fc.string({ maxLength: 6 }),
  fc.jsonValue({ maxDepth: 2 }),
);
const link = fc.oneof(junk, fc.record({ relation: fc.oneof(fc.constant('next'), junk), url: fc.oneof(fc.constantFrom(`${BASE}/Condition?page=2`, 'https://evil.example/x', `${BASE}/Condition?page=2`), junk) }, { requiredKeys: [] }));
const entry = fc.oneof(junk, fc.record({
  resource: fc.oneof(junk, fc.record({ resourceType: fc.oneof(fc.constantFrom('Condition', 'Bundle', 'OperationOutcome'), junk), id: junk }, { requiredKeys: [] })),
  search: fc.oneof(junk, fc.record({ mode: junk }, { requiredKeys: [] })),
  response: fc.oneof(junk, fc.record({ status: fc.oneof(fc.constantFrom('200 OK', '404', '500'), junk), outcome: junk }, { requiredKeys: [] })),
}, { requiredKeys: [] }));
/** A Bundle (or not) with every field possibly wrong. */
const bundle = fc.oneof(
  { weight: 1, arbitrary: junk },
  { weight: 4, arbitrary: fc.record({ resourceType: fc.oneof(fc.constant('Bundle'), junk), type: junk, total: junk, link: fc.oneof(junk, fc.array(link, { maxLength: 3 })), entry: fc.oneof(junk, fc.array(entry, { maxLength: 6 })) }, { requiredKeys: ['resourceType'] }) },
);

/** A fake source: each request answered with the next garbage page, or a typed failure. */
function fakeGet(pages: readonly unknown[]): FhirGet {
  let i = 0;
  return async (url) => {
    const page = pages[i++ % pages.length];
    if (page === 'fail') throw new FhirRequestError('The source had an internal error (HTTP 500)', 500, url);
    return page;
  };
}

const RUNS = 1000;
const QUERIES = [
  { resourceType: 'AllergyIntolerance', url: 'AllergyIntolerance?patient=pt', firstScreen: true },
  { resourceType: 'Condition', url: 'Condition?patient=pt', firstScreen: true },
  { resourceType: 'Procedure', url: 'Procedure?patient=pt', firstScreen: false },
];

describe('the fetch layer on malformed Bundles', () => {
  it(`a search resolves or fails with FhirRequestError, never anything else (${RUNS} runs)`, async () => {
    let bundles = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(bundle, fc.constant('fail')), { minLength: 1, maxLength: 6 }), async (pages) => {
        bundles += pages.length;
        const signal = new AbortController().signal;
        try {
          const { resources } = await searchAll(fakeGet(pages), `${BASE}/Condition?patient=pt`, { signal, maxPages: 5, baseUrl: BASE });
          expect(Array.isArray(resources)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(FhirRequestError);
        }
      }),
      { numRuns: RUNS },
    );
    expect(bundles).toBeGreaterThanOrEqual(2_000);
  });

  it(`a record fetch never throws: every query ends with resources or a problem in words (${RUNS} runs, batch and not)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(bundle, fc.constant('fail')), { minLength: 1, maxLength: 8 }), fc.boolean(), async (pages, batch) => {
        const results: QueryResult[] = [];
        await fetchRecord({ get: fakeGet(pages), baseUrl: BASE, queries: QUERIES, batch, maxPages: 5, signal: new AbortController().signal, onResult: (r) => results.push(r) });
        expect(results.map((r) => r.resourceType).sort()).toEqual(QUERIES.map((q) => q.resourceType).sort());
        for (const r of results) expect(Array.isArray(r.resources) && (r.problem === undefined || typeof r.problem === 'string')).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
