import { describe, expect, it } from 'vitest';
import { fetchRecord, type QueryResult } from '@/lib/sources/fetch-record';
import { createFhirGet } from '@/lib/sources/fhir-http';
import { patientQueries } from '@/lib/sources/queries';
import type { SourceConfig } from '@/lib/sources/source-config';
import { fakeFhir } from '../fixtures/fake-fhir';
import { hollowayPatient, hollowayResources, NHS } from '../fixtures';

const base = 'http://gp.test/fhir';
const source: SourceConfig = { id: 'gp', name: 'GP', fhirBaseUrl: base, auth: 'none', identifierSystems: [NHS], pageSize: 2, timeoutMs: 1000 };
const signal = new AbortController().signal;
const queries = patientQueries(source, 'p01-gp', Date.parse('2026-11-26'));

async function run(server: ReturnType<typeof fakeFhir>, batch: boolean) {
  const results: QueryResult[] = [];
  const get = createFhirGet({ fetch: server.fetch, timeoutMs: 1000 });
  await fetchRecord({ get, baseUrl: base, queries, batch, maxPages: 10, signal, onResult: (r) => results.push(r) });
  return results;
}

describe("fetching a patient's record", () => {
  it('asks for the first screen before anything else, and Observations newest first within the horizon', async () => {
    const server = fakeFhir({ base, resources: [hollowayPatient, ...hollowayResources] });
    const results = await run(server, false);
    const firstScreen = ['AllergyIntolerance', 'Condition', 'MedicationRequest', 'MedicationStatement', 'Flag', 'Consent'];
    expect(results.slice(0, 6).map((r) => r.resourceType).sort()).toEqual([...firstScreen].sort());
    expect(server.requests.find((u) => u.includes('/Observation?'))).toContain('_sort=-date&date=ge2021-11-27');
    expect(results.find((r) => r.resourceType === 'Condition')?.resources).toHaveLength(2);
  });

  it('sends the first screen as one batch Bundle where the server supports it, then the small long-tail searches as another', async () => {
    const server = fakeFhir({ base, resources: [hollowayPatient, ...hollowayResources], batch: true });
    const results = await run(server, true);
    expect(server.requests.filter((u) => u === base)).toHaveLength(2);
    expect(server.requests.some((u) => u.startsWith(`${base}/AllergyIntolerance`))).toBe(false);
    expect(server.requests.some((u) => u.startsWith(`${base}/DocumentReference`))).toBe(false);
    // Observations page through thousands of results: they go on their own, not inside a batch.
    expect(server.requests.filter((u) => u.startsWith(`${base}/Observation?`))).toHaveLength(1);
    expect(results.map((r) => r.resourceType).sort()).toEqual(queries.map((q) => q.resourceType).sort());
    expect(results.find((r) => r.resourceType === 'AllergyIntolerance')?.resources.map((r) => r.id)).toEqual(['a1']);
    // Pages beyond the batch's first page are followed with plain GETs.
    expect(results.find((r) => r.resourceType === 'Condition')?.resources).toHaveLength(2);
  });

  it('falls back to plain searches when the batch is refused', async () => {
    const server = fakeFhir({ base, resources: [hollowayPatient, ...hollowayResources], override: (u) => (u.pathname === '/fhir' ? { status: 405, body: '' } : undefined) });
    const results = await run(server, true);
    expect(results.find((r) => r.resourceType === 'AllergyIntolerance')?.resources).toHaveLength(1);
  });

  it('keeps going when one resource type is forbidden, and says which', async () => {
    const server = fakeFhir({
      base,
      resources: [hollowayPatient, ...hollowayResources],
      override: (u) => (u.pathname.endsWith('/Condition') ? { status: 403, body: { resourceType: 'OperationOutcome', issue: [{ diagnostics: 'Condition is restricted' }] } } : undefined),
    });
    const results = await run(server, false);
    expect(results.find((r) => r.resourceType === 'Condition')?.problem).toBe('This source does not allow you to see this record (Condition is restricted)');
    expect(results.find((r) => r.resourceType === 'AllergyIntolerance')?.resources).toHaveLength(1);
  });

  it('says a type the server lacks is not offered there', async () => {
    const server = fakeFhir({ base, resources: [], override: (u) => (u.pathname.endsWith('/ImagingStudy') ? { status: 404, body: '' } : undefined) });
    const results = await run(server, false);
    expect(results.find((r) => r.resourceType === 'ImagingStudy')?.problem).toBe('this source does not offer this kind of record');
  });
});
