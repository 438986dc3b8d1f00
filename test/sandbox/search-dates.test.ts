import type { Observation } from '@medplum/fhirtypes';
import { Operator, matchesSearchRequest, type SearchRequest } from '@medplum/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../sandbox/fhir/definitions';
import { matcher } from '../../sandbox/fhir/search';

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
});
