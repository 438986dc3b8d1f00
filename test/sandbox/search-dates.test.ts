import type { Observation } from '@medplum/fhirtypes';
import { Operator, matchesSearchRequest, type SearchRequest } from '@medplum/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../sandbox/fhir/definitions';
import { matcher } from '../../sandbox/fhir/search';
import { dateWindows } from '../../lib/sources/date-windows';
import { bundleResources, exampleFiles, readExample } from '../corpus/examples';

const observation = (id: string, effective: Partial<Observation>): Observation => ({
  resourceType: 'Observation', id, status: 'final', code: { text: 'Haemoglobin' }, subject: { reference: 'Patient/p' }, ...effective,
});

// Every shape of Observation.effective[x] a record holds, near the bounds asked below.
const RECORDS: Observation[] = [
  observation('instant', { effectiveDateTime: '2023-06-01T09:30:00Z' }),
  observation('offset', { effectiveDateTime: '2023-06-01T00:30:00+01:00' }),
  observation('day', { effectiveDateTime: '2023-06-01' }),
  observation('month', { effectiveDateTime: '2023-05' }),
  observation('year', { effectiveDateTime: '2022' }),
  observation('period', { effectivePeriod: { start: '2023-05-30T10:00:00Z', end: '2023-06-02T10:00:00Z' } }),
  observation('open-start', { effectivePeriod: { end: '2023-05-31T23:59:59Z' } }),
  observation('open-end', { effectivePeriod: { start: '2023-06-01T00:00:00Z' } }),
  observation('instant-type', { effectiveInstant: '2023-06-01T00:00:00.000Z' }),
  observation('undated', {}),
];

const VALUES = ['2023-06-01', '2023-06-01T00:00:00Z', '2023-06-01T09:30:00Z', '2023-05-31T23:00:00+01:00', '2023-06', '2023'];
const OPERATORS = [Operator.GREATER_THAN_OR_EQUALS, Operator.GREATER_THAN, Operator.LESS_THAN, Operator.LESS_THAN_OR_EQUALS];

describe('the sandbox answers a date search from its date index exactly as medplum would', () => {
  beforeAll(() => loadDefinitions());

  it.each(OPERATORS)('prefix %s, for every value and every shape of effective[x]', (operator) => {
    for (const value of VALUES) {
      const request: SearchRequest = { resourceType: 'Observation', filters: [{ code: 'date', operator, value }] };
      const test = matcher(request);
      for (const record of RECORDS) {
        expect([record.id, value, test(record)]).toEqual([record.id, value, matchesSearchRequest(record, request)]);
      }
    }
  });

  it('answers a window (ge one bound, lt the next) as the two filters together', () => {
    const request: SearchRequest = {
      resourceType: 'Observation',
      filters: [
        { code: 'date', operator: Operator.GREATER_THAN_OR_EQUALS, value: '2023-05-31T00:00:00Z' },
        { code: 'date', operator: Operator.LESS_THAN, value: '2023-06-01T09:00:00Z' },
      ],
    };
    const test = matcher(request);
    expect(RECORDS.filter(test).map((r) => r.id)).toEqual(RECORDS.filter((r) => matchesSearchRequest(r, request)).map((r) => r.id));
    expect(RECORDS.filter(test).map((r) => r.id)).toContain('period');
    expect(RECORDS.filter(test).map((r) => r.id)).not.toContain('undated');
  });

  it('answers every public example Observation as medplum would, and date windows lose or add none of them', () => {
    // Written by others: every Observation in the R4 examples and in the IPS guide's example Bundles.
    const observations = [
      ...exampleFiles('hl7.fhir.r4.examples').filter((f) => f.startsWith('Observation-')).map((f) => readExample('hl7.fhir.r4.examples', f)),
      ...exampleFiles('hl7.fhir.uv.ips', 'example').filter((f) => f.startsWith('Bundle-')).flatMap((f) => bundleResources(readExample('hl7.fhir.uv.ips', `example/${f}`))),
    ].filter((r) => r.resourceType === 'Observation') as unknown as Observation[];
    expect(observations.length).toBeGreaterThan(60);
    // Their dates run from the 1990s to the 2020s: a horizon and windows across all of them.
    const horizon = '1995-01-01';
    const whole: SearchRequest = { resourceType: 'Observation', filters: [{ code: 'date', operator: Operator.GREATER_THAN_OR_EQUALS, value: horizon }] };
    const query = { resourceType: 'Observation', url: `Observation?patient=x&_count=1000&date=ge${horizon}`, firstScreen: false };
    const windows = dateWindows(query, { resourceType: 'Bundle', type: 'searchset', total: 6000 }, Date.parse('2026-12-02T00:00:00Z'), 6, 1000)!;
    expect(windows).toHaveLength(6);
    const requestOf = (url: string): SearchRequest => ({
      resourceType: 'Observation',
      filters: new URLSearchParams(url.split('?')[1]).getAll('date').map((d) => ({
        code: 'date', operator: d.startsWith('ge') ? Operator.GREATER_THAN_OR_EQUALS : Operator.LESS_THAN, value: d.slice(2),
      })),
    });
    const inWhole = observations.filter((o) => matchesSearchRequest(o, whole));
    expect(inWhole.length).toBeGreaterThan(30);
    const found = new Set<Observation>();
    for (const window of windows) {
      const request = requestOf(window.url);
      const test = matcher(request);
      for (const o of observations) {
        expect([o.id, window.url, test(o)]).toEqual([o.id, window.url, matchesSearchRequest(o, request)]);
        if (test(o)) found.add(o);
      }
    }
    // The windows together bring exactly what the one search brings.
    expect(observations.filter((o) => found.has(o))).toEqual(inWhole);
  });
});
