// Reading a record through Patient/$everything and Patient/$summary, against the sandbox rules'
// real answers (in-process server, real HTTP): each record once, the Patient checked and left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST, SOURCES } from '../../sandbox/config';
import { generateSourceResources } from '../../sandbox/data/generate';
import { startFhirServer, type FhirServer } from '../../sandbox/fhir/server';
import { createFhirGet } from '@/lib/sources/fhir-http';
import { capabilitiesOf, readCapabilities } from '@/lib/sources/capabilities';
import { OtherPatientError } from '@/lib/sources/expected-patient';
import { readEverything } from '@/lib/sources/patient-everything';
import { readSummary, summaryResources } from '@/lib/sources/patient-summary';
import { searchAll } from '@/lib/sources/search';
import type { FhirResource } from '@/lib/fhir/resource';

let server: FhirServer;
beforeAll(async () => {
  server = await startFhirServer({ source: SOURCES[0]!, host: HOST, port: 0, resources: generateSourceResources('gp'), authIssuer: 'http://127.0.0.1:18100' });
}, 60_000);
afterAll(() => server.close());

const signal = new AbortController().signal;
const requests: string[] = [];
const get = createFhirGet({ fetch: async (input, init) => (requests.push(String(input)), fetch(input, init)), timeoutMs: 5000 });
const P05 = { id: 'p05-gp' };
const keys = (resources: readonly FhirResource[]) => resources.map((r) => `${r.resourceType}/${r.id}`).sort();

/** What plain searches find for the patient, type by type: the baseline. */
async function searched(patient: string, types: readonly string[]): Promise<string[]> {
  server.setProfile('strict-standard');
  const found = await Promise.all(types.map((type) => searchAll(get, `${server.baseUrl}/${type}?patient=${patient}&_count=1000`, { signal, maxPages: 50 })));
  return keys(found.flatMap((f) => f.resources));
}

describe('capabilities: the Patient operations a source offers', () => {
  it('reads $everything and $summary from the statement only where the profile has them', async () => {
    server.setProfile('strict-standard');
    expect((await readCapabilities(get, server.baseUrl, signal)).patientOperations).toEqual({ everything: false, summary: false });
    server.setProfile('hapi-like');
    expect((await readCapabilities(get, server.baseUrl, signal)).patientOperations).toEqual({ everything: true, summary: true });
    server.setProfile('patient-summary');
    expect((await readCapabilities(get, server.baseUrl, signal)).patientOperations).toEqual({ everything: false, summary: true });
  });

  it('knows an operation by its definition or a `$` name, and only on Patient', () => {
    const statement = (resource: unknown[]) => ({ resourceType: 'CapabilityStatement', rest: [{ resource }] });
    expect(capabilitiesOf(statement([{ type: 'Patient', operation: [{ name: '$everything' }, { name: 'ips', definition: 'http://hl7.org/fhir/uv/ips/OperationDefinition/summary|2.0.0' }] }])).patientOperations)
      .toEqual({ everything: true, summary: true });
    expect(capabilitiesOf(statement([{ type: 'Encounter', operation: [{ name: 'everything' }] }])).patientOperations).toEqual({ everything: false, summary: false });
    expect(capabilitiesOf({ resourceType: 'OperationOutcome' }).patientOperations).toEqual({ everything: false, summary: false });
  });
});

describe('readEverything', () => {
  it('hapi-like (pages capped at 100, _getpages links, a record repeated): every record of the patient once, no Patient', async () => {
    const baseline = await searched('p05-gp', ['AllergyIntolerance', 'Condition', 'MedicationRequest', 'Observation', 'DiagnosticReport']);
    server.setProfile('hapi-like');
    requests.length = 0;
    const { resources, truncated } = await readEverything(get, server.baseUrl, P05, { signal, maxPages: 50 });
    expect(truncated).toBeUndefined();
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.slice(1).every((url) => url.includes('_getpages='))).toBe(true);
    expect(new Set(keys(resources)).size).toBe(resources.length);
    expect(resources.some((r) => r.resourceType === 'Patient')).toBe(false);
    expect(keys(resources.filter((r) => r.resourceType !== 'Medication'))).toEqual(baseline);
  });

  it('stops at the page limit and says so', async () => {
    server.setProfile('patient-everything');
    const { truncated } = await readEverything(get, server.baseUrl, P05, { signal, maxPages: 1 });
    expect(truncated).toBe(undefined); // one page of 1,000 holds p05's record
    server.setProfile('patient-everything+count-cap');
    expect((await readEverything(get, server.baseUrl, P05, { signal, maxPages: 2 })).truncated).toMatch(/more records than fhirside loads at once/);
  });

  it('refuses an answer that carries another Patient', async () => {
    server.setProfile('patient-everything');
    // A server that answers p05's request with p01's record (a proxy mixing answers up).
    const mixedUp = createFhirGet({ fetch: (input, init) => fetch(String(input).replace('p05-gp', 'p01-gp'), init), timeoutMs: 5000 });
    await expect(readEverything(mixedUp, server.baseUrl, P05, { signal, maxPages: 5 })).rejects.toBeInstanceOf(OtherPatientError);
  });
});

describe('readSummary', () => {
  it('patient-summary: the records the IPS document carries, without its Composition and Patient', async () => {
    const baseline = await searched('p05-gp', ['AllergyIntolerance', 'MedicationRequest']);
    server.setProfile('patient-summary');
    const { resources } = await readSummary(get, server.baseUrl, P05, signal);
    expect(resources.some((r) => r.resourceType === 'Composition' || r.resourceType === 'Patient')).toBe(false);
    expect(resources.some((r) => r.resourceType === 'Condition')).toBe(true);
    // Allergies and medicines, the IPS's required sections, are carried whole.
    expect(keys(resources.filter((r) => ['AllergyIntolerance', 'MedicationRequest'].includes(r.resourceType)))).toEqual(baseline);
  });

  it('refuses a summary about another patient, and leaves out a record naming another', async () => {
    server.setProfile('patient-summary');
    const url = `${server.baseUrl}/Patient/p05-gp/$summary`;
    const document = (await get(url, signal)) as { entry: { fullUrl?: string; resource: FhirResource & Record<string, unknown> }[] };
    expect(() => summaryResources(document, { id: 'p01-gp' }, url)).toThrow(OtherPatientError);
    // A copy of the Patient under another id is still the patient when it carries the same identifier.
    const patient = document.entry[1]!.resource;
    expect(summaryResources(document, { id: 'elsewhere', identifier: patient['identifier'] as never }, url).length).toBeGreaterThan(0);
    const stray = structuredClone(document);
    stray.entry.push({ fullUrl: 'urn:uuid:stray', resource: { resourceType: 'AllergyIntolerance', id: 'stray', patient: { reference: 'Patient/p01-gp' } } });
    expect(keys(summaryResources(stray, P05, url))).not.toContain('AllergyIntolerance/stray');
    const noComposition = { ...document, entry: document.entry.slice(1) };
    expect(() => summaryResources(noComposition, P05, url)).toThrow(/does not start with its Composition/);
    expect(() => summaryResources({ resourceType: 'Bundle', type: 'searchset' }, P05, url)).toThrow(/other than a document/);
  });

  it('where the source does not offer it, the 404 is the caller\'s to read', async () => {
    server.setProfile('strict-standard');
    await expect(readSummary(get, server.baseUrl, P05, signal)).rejects.toMatchObject({ status: 404 });
  });
});
