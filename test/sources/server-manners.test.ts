// fhirside's fetch layer against the sandbox FHIR engine behaving like real products (each
// profile rule in sandbox/fhir/profiles/rules/): the same record comes back as from the plain
// engine, or the result says in words what the server withheld. The network boundary is real
// HTTP to an in-process sandbox server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentReference } from '@medplum/fhirtypes';
import { HOST, SOURCES } from '../../sandbox/config';
import { generateSourceResources } from '../../sandbox/data/generate';
import { startFhirServer, type FhirServer } from '../../sandbox/fhir/server';
import type { ProfileOptions } from '../../sandbox/fhir/profiles/exchange';
import { fetchRecord, type QueryResult } from '@/lib/sources/fetch-record';
import { createFhirGet } from '@/lib/sources/fhir-http';
import { readCapabilities, type Capabilities } from '@/lib/sources/capabilities';
import { adaptToStatement, IGNORES_LAST_UPDATED, NO_SORT } from '@/lib/sources/adapt-query';
import { patientQueries, type PatientQuery } from '@/lib/sources/queries';
import type { SourceConfig } from '@/lib/sources/source-config';
import type { FhirResource } from '@/lib/fhir/resource';

let server: FhirServer;
beforeAll(async () => {
  server = await startFhirServer({ source: SOURCES[0]!, host: HOST, port: 0, resources: generateSourceResources('gp'), authIssuer: 'http://127.0.0.1:18100' });
  // The GP keeps no letters; one for p05, so a document's text can be followed.
  await server.repo.createResource<DocumentReference>({
    resourceType: 'DocumentReference', status: 'current', subject: { reference: 'Patient/p05-gp' }, description: 'Clinic letter',
    content: [{ attachment: { contentType: 'text/plain; charset=utf-8', data: Buffer.from('Dear Dr Smith, seen in clinic today.').toString('base64'), title: 'Clinic letter' } }],
  });
}, 60_000);
afterAll(() => server.close());

const signal = new AbortController().signal;
const NOW = Date.parse('2026-12-02');
const source = (): SourceConfig => ({ id: 'gp', name: 'GP', fhirBaseUrl: server.baseUrl, auth: 'none', identifierSystems: [], pageSize: 100, timeoutMs: 5000 });

interface Run { readonly results: QueryResult[]; readonly requests: string[]; readonly capabilities: Capabilities }

/** Fetches p05's record the way a look-up does, with this profile on the server. */
async function fetchAs(spec: string, o: { options?: Partial<ProfileOptions>; queries?: PatientQuery[]; capabilities?: Capabilities; saved?: { fetchedAt: number; resources: FhirResource[] }; token?: (force: boolean) => Promise<string>; delayMs?: number } = {}): Promise<Run> {
  server.setProfile(spec, o.options);
  const requests: string[] = [];
  const fetchCounting: typeof fetch = async (input, init) => {
    requests.push(String(input));
    if (o.delayMs) await new Promise((resolve) => setTimeout(resolve, o.delayMs));
    return fetch(input, init);
  };
  const get = createFhirGet({ fetch: fetchCounting, timeoutMs: 5000, ...(o.token ? { accessToken: o.token } : {}) });
  const capabilities = o.capabilities ?? (await readCapabilities(get, server.baseUrl, signal));
  const queries = (o.queries ?? patientQueries(source(), 'p05-gp', NOW)).map((q) => adaptToStatement(q, capabilities));
  const results: QueryResult[] = [];
  await fetchRecord({ get, baseUrl: server.baseUrl, queries, batch: capabilities.batch, capabilities, maxPages: 200, signal, onResult: (r) => results.push(r), ...(o.saved ? { saved: o.saved } : {}) });
  return { results, requests, capabilities };
}
const idsOf = (run: Run, type: string) => run.results.find((r) => r.resourceType === type)?.resources.map((r) => r.id).sort();
const resultOf = (run: Run, type: string) => run.results.find((r) => r.resourceType === type);

let plain: Run;
beforeAll(async () => {
  plain = await fetchAs('strict-standard');
});

describe('paging manners: the whole record, each resource once', () => {
  for (const spec of ['count-cap', 'short-pages', 'getpages-links', 'page-context-links', 'continuation-links', 'no-total', 'total-estimate']) {
    it(`${spec}: the same records as from the plain engine`, async () => {
      const run = await fetchAs(spec);
      for (const type of ['Observation', 'Condition', 'MedicationRequest', 'AllergyIntolerance']) expect(idsOf(run, type), type).toEqual(idsOf(plain, type));
      expect(run.results.every((r) => !r.problem), JSON.stringify(run.results.map((r) => r.problem))).toBe(true);
    });
  }

  it('repeat-ids: a record sent on two pages is kept once', async () => {
    const run = await fetchAs('repeat-ids+count-cap');
    const observations = resultOf(run, 'Observation')!.resources;
    expect(new Set(observations.map((r) => r.id)).size).toBe(observations.length);
    expect(idsOf(run, 'Observation')).toEqual(idsOf(plain, 'Observation'));
  });

  it('expiring-links: a walk whose next link has expired starts again and still gets everything', async () => {
    const walk = [{ resourceType: 'Observation', url: 'Observation?patient=p05-gp&_count=50', firstScreen: false }];
    // Links live 0.15 s; each request is held 0.1 s, so a link followed after a slow page has gone.
    const run = await fetchAs('expiring-links+getpages-links', { options: { linkSeconds: 0.15 }, queries: walk, delayMs: 100 });
    const result = resultOf(run, 'Observation')!;
    expect(run.requests.filter((u) => !u.includes('_getpages') && u.includes('/Observation?')).length).toBeGreaterThanOrEqual(1);
    expect(result.problem ?? '').toMatch(/^$|expire/);
    // Links that never last long enough: the walk gives up after MAX_RESTARTS and says why.
    const hopeless = await fetchAs('expiring-links+getpages-links', { options: { linkSeconds: 0 }, queries: walk, delayMs: 5 });
    expect(resultOf(hopeless, 'Observation')!.problem).toBe('the source let its pages of results expire before fhirside could read them all');
    expect(resultOf(hopeless, 'Observation')!.resources.length).toBeGreaterThan(0);
  });
});

describe('query manners', () => {
  it('require-category: Observations are asked for by category, and the result says what that leaves out', async () => {
    const run = await fetchAs('require-category');
    expect(idsOf(run, 'Observation')).toEqual(idsOf(plain, 'Observation'));
    expect(resultOf(run, 'Observation')!.note).toMatch(/only by category.*laboratory, vital-signs/);
    expect(run.capabilities.learned.has('by-category:Observation')).toBe(true);
    // The next look-up asks by category straight away.
    const again = await fetchAs('require-category', { capabilities: run.capabilities });
    expect(again.requests.filter((u) => /\/Observation\?/.test(u)).every((u) => u.includes('category='))).toBe(true);
  });

  it('reject-unsupported: a refused _sort is dropped and remembered; the records are the same', async () => {
    const run = await fetchAs('reject-unsupported');
    expect(idsOf(run, 'Observation')).toEqual(idsOf(plain, 'Observation'));
    expect(run.capabilities.learned.has(NO_SORT)).toBe(true);
  });

  it('require-patient: fhirside always names the patient, so nothing is refused', async () => {
    const run = await fetchAs('require-patient');
    expect(run.results.every((r) => !r.problem)).toBe(true);
  });

  it('uses subject= where the statement lists subject but not patient for a type', () => {
    const statement = { batch: false, searchParams: { Observation: ['subject', 'code'] }, includes: {}, operations: [], patientOperations: { everything: false, summary: false }, learned: new Set<string>() };
    const [query] = patientQueries(source(), 'p05-gp', NOW).filter((q) => q.resourceType === 'Observation');
    const url = adaptToStatement(query!, statement).url;
    expect(url).toMatch(/[?&]subject=Patient%2Fp05-gp(&|$)/);
    expect(url).not.toMatch(/[?&]patient=/);
  });
});

describe('batch manners', () => {
  it('no-batch: one search per query, the same records', async () => {
    const run = await fetchAs('no-batch');
    expect(run.capabilities.batch).toBe(false);
    expect(run.requests.some((u) => u === server.baseUrl)).toBe(false);
    expect(idsOf(run, 'Condition')).toEqual(idsOf(plain, 'Condition'));
  });

  it('batch-reads-only and batch-limit: refused entries or a refused batch are asked on their own', async () => {
    for (const spec of ['batch-reads-only', 'batch-limit']) {
      const run = await fetchAs(spec);
      for (const type of ['AllergyIntolerance', 'Condition', 'Flag', 'Encounter']) expect(idsOf(run, type), `${spec} ${type}`).toEqual(idsOf(plain, type));
      expect(run.results.every((r) => !r.problem), spec).toBe(true);
    }
  });
});

describe('token manners', () => {
  it('token-lifetime: a token that expires mid-walk is refreshed and the same page asked again', async () => {
    let issued = 0;
    const token = async (force: boolean) => (force || issued === 0 ? `token-${++issued}` : `token-${issued}`);
    const walk = [{ resourceType: 'Observation', url: 'Observation?patient=p05-gp&_count=20', firstScreen: false }];
    const whole = await fetchAs('strict-standard', { queries: walk });
    const run = await fetchAs('token-lifetime', { options: { tokenSeconds: 0.3 }, queries: walk, token, delayMs: 60 });
    expect(issued).toBeGreaterThan(1);
    // Each refused page was asked again, with the new token, before the walk went on.
    const pages = run.requests.filter((u) => u.includes('_offset='));
    expect(new Set(pages).size).toBeLessThan(pages.length);
    expect(idsOf(run, 'Observation')).toEqual(idsOf(whole, 'Observation'));
    expect(resultOf(run, 'Observation')!.problem).toBeUndefined();
  });

  it('narrow-scope: the refused type says so in words; the rest is whole', async () => {
    const run = await fetchAs('narrow-scope');
    expect(resultOf(run, 'DocumentReference')!.problem).toMatch(/does not allow you to see this record.*DocumentReference/);
    expect(idsOf(run, 'Condition')).toEqual(idsOf(plain, 'Condition'));
  });
});

describe('revalidation manners', () => {
  const savedCopy = () => ({ fetchedAt: Date.now() - 60_000, resources: plain.results.flatMap((r) => r.resources) });

  it('ignore-unsupported: an ignored _lastUpdated is noticed by the records it sends, and the search is made in full', async () => {
    const run = await fetchAs('ignore-unsupported', { saved: savedCopy() });
    expect(run.capabilities.learned.has(IGNORES_LAST_UPDATED)).toBe(true);
    expect(idsOf(run, 'Condition')).toEqual(idsOf(plain, 'Condition'));
    // Next time no request carries _lastUpdated.
    const again = await fetchAs('ignore-unsupported', { saved: savedCopy(), capabilities: run.capabilities });
    expect(again.requests.some((u) => u.includes('_lastUpdated'))).toBe(false);
  });

  it('strict-standard: nothing changed, so only counts and changes are asked', async () => {
    const run = await fetchAs('strict-standard', { saved: savedCopy() });
    expect(run.requests.filter((u) => u.includes('/Condition?')).every((u) => u.includes('_lastUpdated=gt') || u.includes('_summary=count'))).toBe(true);
    expect(idsOf(run, 'Condition')).toEqual(idsOf(plain, 'Condition'));
  });
});

describe('data manners', () => {
  it('document-binary: a letter whose text is behind a Binary URL is read in, the same as inline', async () => {
    const run = await fetchAs('document-binary');
    const data = (r: FhirResource) => (r['content'] as { attachment: { data?: string } }[])[0]!.attachment.data;
    const documents = resultOf(run, 'DocumentReference')!.resources;
    expect(documents.length).toBeGreaterThan(0);
    for (const doc of documents) expect(data(doc)).toBe(data(resultOf(plain, 'DocumentReference')!.resources.find((r) => r.id === doc.id)!));
    expect(resultOf(run, 'DocumentReference')!.note).toBeUndefined();
  });

  it('contained-medications: the medicine named by a contained Medication reads as if named directly', async () => {
    const run = await fetchAs('contained-medications');
    const [first] = resultOf(run, 'MedicationRequest')!.resources;
    const before = resultOf(plain, 'MedicationRequest')!.resources.find((r) => r.id === first!.id);
    expect(first!['medicationCodeableConcept']).toEqual(before!['medicationCodeableConcept']);
  });
});
