import { describe, expect, it } from 'vitest';
import { createFhirGet } from '@/lib/sources/fhir-http';
import { resolvePatient } from '@/lib/sources/resolve-patient';
import { fakeFhir } from '../fixtures/fake-fhir';
import { hollowayContext, hollowayPatient } from '../fixtures';

const base = 'http://fhir.test/fhir';
const signal = new AbortController().signal;
const resolveWith = (resources: typeof hollowayPatient[], context = hollowayContext) =>
  resolvePatient(createFhirGet({ fetch: fakeFhir({ base, resources }).fetch, timeoutMs: 1000 }), base, context, signal);

describe('finding the patient in a source', () => {
  it('finds the one Patient with the NHS number and matching birth date', async () => {
    expect(await resolveWith([hollowayPatient])).toMatchObject({ kind: 'found', patient: { id: 'p01-gp' } });
  });

  it('says when the source does not know the patient', async () => {
    expect(await resolveWith([])).toEqual({ kind: 'not-known' });
  });

  it('stops when two records carry the same NHS number', async () => {
    expect(await resolveWith([hollowayPatient, { ...hollowayPatient, id: 'dup' }])).toEqual({ kind: 'ambiguous', count: 2 });
  });

  it('counts one record met twice, on a page the server repeated, as one patient', async () => {
    const base2 = `${base}/Patient?page=2`;
    const repeating = async (url: string) =>
      ({ resourceType: 'Bundle', type: 'searchset', entry: [{ resource: hollowayPatient }], link: [{ relation: 'next', url: url.includes('page=2') ? `${base}/Patient?page=3` : base2 }] });
    const result = await resolvePatient(repeating, base, hollowayContext, signal);
    expect(result).toMatchObject({ kind: 'found', patient: { id: 'p01-gp' } });
  });

  it('refuses a record whose date of birth differs from the page', async () => {
    const result = await resolveWith([hollowayPatient], { ...hollowayContext, birthDate: '1962-03-15' });
    expect(result).toEqual({ kind: 'mismatch', reason: "its date of birth (1962-03-14) differs from the page's (1962-03-15)" });
  });

  it('refuses a record that does not carry the NHS number (a server that ignored the search)', async () => {
    const other = { ...hollowayPatient, identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9990158398' }] };
    const server = fakeFhir({ base, resources: [], override: () => ({ status: 200, body: { resourceType: 'Bundle', entry: [{ resource: other }] } }) });
    const result = await resolvePatient(createFhirGet({ fetch: server.fetch, timeoutMs: 1000 }), base, hollowayContext, signal);
    expect(result.kind).toBe('mismatch');
  });
});
