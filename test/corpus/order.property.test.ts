/**
 * Property: the summary never depends on the order a server returns records in, nor the order
 * sources answer in. Each public example record is fed as two sources, each in a random order
 * (and the second reversed), and must give exactly the rows of the record in its own order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FhirResource } from '@/lib/fhir/resource';
import type { Summary } from '@/lib/summary/model';
import { IPS_BUNDLES, ipsBundle, r4Bundle, r4Patient, summaryOf, type CorpusRecord } from './corpus';

const RECORDS: readonly (readonly [string, () => CorpusRecord])[] = [
  ['R4 Patient/example', () => r4Patient('example')],
  ['R4 Patient/pat1', () => r4Patient('pat1')],
  ['R4 Patient/f201', () => r4Patient('f201')],
  ['R4 Bundle-ghp', () => r4Bundle('Bundle-ghp', 'pat2')],
  ['R4 Bundle-lri-example', () => r4Bundle('Bundle-lri-example', 'example')],
  ['R4 Bundle-micro', () => r4Bundle('Bundle-micro', 'example')],
  ...IPS_BUNDLES.map((name) => [`IPS ${name}`, () => ipsBundle(name)] as const),
];

const inOrder = (record: CorpusRecord, resources: readonly FhirResource[]): CorpusRecord => ({ ...record, resources });
/** What the panel draws: every section's and every removed list's rows. */
const drawn = (summary: Summary) => ({ sections: summary.sections, removed: summary.removed ?? {} });

describe.each(RECORDS)('%s', (_name, load) => {
  const record = load();
  const expected = drawn(summaryOf({ a: record, b: record }));

  it('fed twice, the second source reversed, gives the same rows', () => {
    expect(drawn(summaryOf({ a: record, b: inOrder(record, [...record.resources].reverse()) }))).toEqual(expected);
  });

  it('gives the same rows whatever order each server and the sources answer in', () => {
    const n = record.resources.length;
    fc.assert(
      fc.property(fc.shuffledSubarray([...record.resources], { minLength: n, maxLength: n }), fc.shuffledSubarray([...record.resources], { minLength: n, maxLength: n }), fc.boolean(), (first, second, swap) => {
        const sources = swap ? { b: inOrder(record, second), a: inOrder(record, first) } : { a: inOrder(record, first), b: inOrder(record, second) };
        expect(drawn(summaryOf(sources))).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });
});
