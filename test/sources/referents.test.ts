// Medicines named by reference, fetched from a real FHIR engine (the sandbox's, holding the public
// IPS example Bundle 01 as a transaction would store it): the Medication arrives in the same
// answer as the MedicationStatement that names it — by _include where the server offers it,
// else by one search on _id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import { HOST, SOURCES } from '../../sandbox/config';
import { resourcesFromBundle } from '../../sandbox/fhir/load-bundle';
import { startFhirServer, type FhirServer } from '../../sandbox/fhir/server';
import { readCapabilities, wantedIncludes } from '@/lib/sources/capabilities';
import { fetchRecord, type QueryResult } from '@/lib/sources/fetch-record';
import { createFhirGet } from '@/lib/sources/fhir-http';
import { patientQueries } from '@/lib/sources/queries';
import type { SourceConfig } from '@/lib/sources/source-config';
import { readExample } from '../corpus/examples';

const ipsBundle01 = resourcesFromBundle(readExample('hl7.fhir.uv.ips', 'example/Bundle-IPS-examples-Bundle-01.json'), '2026-12-01T09:00:00Z');
const patientId = ipsBundle01.find((r) => r.resourceType === 'Patient')!.id!;
let server: FhirServer;
let source: SourceConfig;

beforeAll(async () => {
  server = await startFhirServer({ source: SOURCES[0]!, host: HOST, port: 0, resources: ipsBundle01 as Resource[], authIssuer: 'http://127.0.0.1:18100' });
  source = { id: 'gp', name: 'GP', fhirBaseUrl: server.baseUrl, auth: 'none', identifierSystems: [], pageSize: 50, timeoutMs: 5000 };
});
afterAll(() => server.close());

async function fetchWith(includes: readonly string[]) {
  const requests: string[] = [];
  const get = createFhirGet({ fetch: (url, init) => (requests.push(String(url)), fetch(url, init)), timeoutMs: 5000 });
  const results: QueryResult[] = [];
  const queries = patientQueries(source, patientId, Date.parse('2026-12-02'), { includes });
  await fetchRecord({ get, baseUrl: server.baseUrl, queries, batch: false, maxPages: 10, signal: new AbortController().signal, onResult: (r) => results.push(r) });
  return { requests, statements: results.find((r) => r.resourceType === 'MedicationStatement')! };
}

const named = (result: QueryResult) => result.resources.filter((r) => r.resourceType === 'Medication').map((r) => r.id).sort();

describe('medicines named by reference', () => {
  it('rewrote the Bundle\'s urn:uuid references to Medication/<id>, as a transaction does', () => {
    const statement = ipsBundle01.find((r) => r.resourceType === 'MedicationStatement') as { medicationReference?: { reference?: string } };
    expect(statement.medicationReference?.reference).toMatch(/^Medication\/[\w-]+$/);
  });

  it('reads the _include the CapabilityStatement offers', async () => {
    const get = createFhirGet({ fetch, timeoutMs: 5000 });
    const capabilities = await readCapabilities(get, server.baseUrl, new AbortController().signal);
    expect(wantedIncludes(capabilities)).toContain('MedicationStatement:medication');
  });

  it('comes with the statements in one search where the server offers _include', async () => {
    const { requests, statements } = await fetchWith(['MedicationStatement:medication']);
    expect(named(statements)).toHaveLength(2);
    expect(requests.filter((u) => u.includes('/Medication?'))).toEqual([]);
    expect(requests.find((u) => u.includes('/MedicationStatement?'))).toContain('_include=MedicationStatement:medication');
  });

  it('is read by id in one search where it does not, and handed over with the statements', async () => {
    const { requests, statements } = await fetchWith([]);
    const byId = requests.filter((u) => u.includes('/Medication?'));
    expect(byId).toHaveLength(1);
    expect(byId[0]).toMatch(/Medication\?_id=[\w-]+,[\w-]+&_count=2$/);
    expect(named(statements)).toHaveLength(2);
    expect(statements.problem).toBeUndefined();
  });

  it('says so on the section when the Medications cannot be read, and still delivers the statements', async () => {
    const failing = createFhirGet({ fetch: (url, init) => (String(url).includes('/Medication?') ? Promise.resolve(new Response('{}', { status: 500 })) : fetch(url, init)), timeoutMs: 5000 });
    const results: QueryResult[] = [];
    await fetchRecord({ get: failing, baseUrl: server.baseUrl, queries: patientQueries(source, patientId, Date.parse('2026-12-02')), batch: false, maxPages: 10, signal: new AbortController().signal, onResult: (r) => results.push(r) });
    const statements = results.find((r) => r.resourceType === 'MedicationStatement')!;
    expect(statements.resources.filter((r) => r.resourceType === 'MedicationStatement')).toHaveLength(2);
    expect(statements.problem).toMatch(/^the medicines it names by reference could not be loaded/);
  });
});
