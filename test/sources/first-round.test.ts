import { describe, expect, it } from 'vitest';
import { runLookup, type LookupDeps, type LookupView } from '@/lib/lookup';
import { basicCapabilities, type Capabilities } from '@/lib/sources/capabilities';
import { chainedQuery, NO_CHAINED_SEARCH, SERIES_PROBE_COUNT } from '@/lib/sources/first-round';
import { OTHER_PATIENT_REASON, patientReference } from '@/lib/sources/patient-check';
import type { FhirResource } from '@/lib/fhir/resource';
import type { SourceConfig } from '@/lib/sources/source-config';
import { fakeFhir, type FakeFhirOptions } from '../fixtures/fake-fhir';
import { hollowayContext, hollowayPatient, hollowayResources, NHS } from '../fixtures';

const BASE = 'http://gp/fhir';
const source: SourceConfig = { id: 'gp', name: 'GP', fhirBaseUrl: BASE, auth: 'smart', clientId: 'c', scope: 's', identifierSystems: [NHS], pageSize: 2, timeoutMs: 1000 };
const NHS_PARAM = encodeURIComponent(`${NHS}|9990000018`);

/** A batch-taking source, its capabilities kept between look-ups as the panel keeps them. */
function batchSource(options: Partial<FakeFhirOptions> = {}) {
  const server = fakeFhir({ base: BASE, resources: [hollowayPatient, ...hollowayResources], batch: true, ...options });
  const capabilities: Capabilities = { ...basicCapabilities(), batch: true };
  const batches: unknown[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    if (init?.method === 'POST') batches.push(JSON.parse(String(init.body)));
    return server.fetch(input, init);
  };
  const deps: LookupDeps = {
    sources: [source],
    fetch,
    session: async () => async () => 'token',
    cache: { read: async () => undefined, readSources: async () => undefined, write: async () => undefined },
    now: () => 10,
    capabilities: new Map([['gp', Promise.resolve(capabilities)]]),
  };
  return { server, deps, capabilities, batches };
}

async function lookUp(deps: LookupDeps): Promise<LookupView[]> {
  const views: LookupView[] = [];
  await runLookup(hollowayContext, deps, new AbortController().signal, (v) => views.push(v));
  return views;
}

/** A search asked by the patient's identifier rather than the Patient's id. */
const byIdentifier = (url: URL) => [...url.searchParams.keys()].some((k) => k.endsWith('.identifier'));
const batchUrls = (batch: unknown) => (batch as { entry: { request: { url: string } }[] }).entry.map((e) => e.request.url);
const shownRefs = (views: readonly LookupView[]) =>
  views.flatMap((v) => Object.values(v.live?.sections ?? {}).flat().flatMap((row) => row.sources.map((p) => p.ref)));

const otherPatientsCondition: FhirResource = { resourceType: 'Condition', id: 'not-hers', subject: { reference: 'Patient/p02-gp' }, code: { text: 'Someone else’s diagnosis' } };
const herHaemoglobin: FhirResource = { resourceType: 'Observation', id: 'hb', status: 'final', subject: { reference: 'Patient/p01-gp' }, code: { text: 'Haemoglobin' }, valueQuantity: { value: 131, unit: 'g/L' }, effectiveDateTime: '2026-01-02' };
const page = (resources: readonly FhirResource[]) => ({ resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })) });

describe('the patient search and the first screen in one round trip', () => {
  it('asks the Patient search and each first-screen search by NHS number in one batch, before any other request', async () => {
    const { deps, server, batches } = batchSource();
    const views = await lookUp(deps);
    expect(server.requests[0]).toBe(BASE);
    const first = batchUrls(batches[0]);
    expect(first[0]).toBe(`Patient?identifier=${NHS_PARAM}&_count=10`);
    expect(first.slice(1).map((u) => u.split('?')[0])).toEqual(['AllergyIntolerance', 'Condition', 'MedicationRequest', 'MedicationStatement', 'Flag', 'Consent']);
    expect(first.slice(1).every((u) => u.includes(`patient.identifier=${NHS_PARAM}`) && !u.includes('patient='))).toBe(true);
    expect(server.requests.some((u) => u.includes('/Patient?'))).toBe(false);
    const last = views.at(-1)!;
    expect(last.sources['gp']).toEqual({ state: 'done', resourceCount: 4 });
    expect(last.live?.sections.allergies.map((r) => r.text)).toEqual(['Penicillin']);
    expect(last.live?.sections.medications.map((r) => r.text)).toEqual(['Letrozole 2.5mg tablets']);
  });

  it('stops the source, draws nothing of it and says why when the batch carries another patient’s record', async () => {
    const { deps, capabilities, server } = batchSource({
      resources: [hollowayPatient, ...hollowayResources, herHaemoglobin],
      override: (url) => (url.pathname.endsWith('/Condition') && url.searchParams.has('patient.identifier') ? { status: 200, body: page([hollowayResources[1]!, otherPatientsCondition]) } : undefined),
    });
    const views = await lookUp(deps);
    expect(views.at(-1)!.sources['gp']).toEqual({ state: 'mismatch', reason: OTHER_PATIENT_REASON });
    expect(shownRefs(views)).toEqual([]);
    // Her own results, asked for beside the first screen, are not drawn either: the source is stopped.
    expect(server.requests.filter((u) => u === BASE)).toHaveLength(2);
    // Not asked that way again in this panel.
    expect(capabilities.learned.has(NO_CHAINED_SEARCH)).toBe(true);
  });

  it('stops the source when a lenient server ignores the chain and sends everyone’s records', async () => {
    const { deps } = batchSource({ chains: false });
    const views = await lookUp(deps);
    expect(views.at(-1)!.sources['gp']).toMatchObject({ state: 'mismatch' });
    expect(shownRefs(views)).not.toContain('Condition/someone-else');
    expect(shownRefs(views)).toEqual([]);
  });

  it('still stops the source when the one batch finds two patients for the NHS number', async () => {
    const twin = { ...hollowayPatient, id: 'p01-twin' };
    const { deps } = batchSource({ resources: [hollowayPatient, twin, ...hollowayResources] });
    const views = await lookUp(deps);
    expect(views.at(-1)!.sources['gp']).toEqual({ state: 'ambiguous', count: 2 });
    expect(shownRefs(views)).toEqual([]);
  });

  it('asks by Patient id, and remembers to, when the source refuses the chained search', async () => {
    const refused = { status: 400, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported', diagnostics: 'Chained search is not supported' }] } };
    const { deps, server, batches, capabilities } = batchSource({ override: (url) => ([...url.searchParams.keys()].some((k) => k.includes('.identifier')) ? refused : undefined) });
    const views = await lookUp(deps);
    expect(views.at(-1)!.sources['gp']).toEqual({ state: 'done', resourceCount: 4 });
    expect(views.at(-1)!.live?.sections.allergies.map((r) => r.text)).toEqual(['Penicillin']);
    expect(capabilities.learned.has(NO_CHAINED_SEARCH)).toBe(true);
    batches.length = 0;
    server.requests.length = 0;
    await lookUp(deps);
    expect(server.requests.some((u) => u.includes('/Patient?identifier='))).toBe(true);
    expect(batches.flatMap(batchUrls).some((u) => u.includes('.identifier'))).toBe(false);
  });

  it('asks again by Patient id when a record’s patient reference cannot be read', async () => {
    const byIdentifierOnly = { ...hollowayResources[0]!, patient: { identifier: { system: NHS, value: '9990000018' } } };
    const { deps, server } = batchSource({
      override: (url) => (url.pathname.endsWith('/AllergyIntolerance') && url.searchParams.has('patient.identifier') ? { status: 200, body: page([byIdentifierOnly]) } : undefined),
    });
    const views = await lookUp(deps);
    expect(server.requests.some((u) => u.includes('/AllergyIntolerance?patient=p01-gp'))).toBe(true);
    expect(views.at(-1)!.live?.sections.allergies.map((r) => r.text)).toEqual(['Penicillin']);
  });

  it('asks the long tail by NHS number in a second batch sent beside the first, and nothing by id after', async () => {
    const { deps, server, batches } = batchSource({ resources: [hollowayPatient, ...hollowayResources, herHaemoglobin] });
    const views = await lookUp(deps);
    expect(batches).toHaveLength(2);
    const tail = batchUrls(batches[1]);
    expect(tail.map((u) => u.split('?')[0])).toContain('Observation');
    expect(tail.every((u) => u.includes(`.identifier=${NHS_PARAM}`))).toBe(true);
    // Both batches went before any answer came back: no search asked by the Patient's id at all.
    expect(server.requests.filter((u) => u.includes('p01-gp'))).toEqual([]);
    expect(views.at(-1)!.live?.sections.results.map((r) => r.text)).toEqual(expect.arrayContaining([expect.stringContaining('Haemoglobin')]));
  });

  it('asks a result series longer than its small first page again by id, and a series that fits not at all', async () => {
    const series = (n: number) => Array.from({ length: n }, (_, i) => ({ ...herHaemoglobin, id: `hb-${i}`, effectiveDateTime: `2026-01-${String((i % 28) + 1).padStart(2, '0')}` }));
    const long = batchSource({ resources: [hollowayPatient, ...hollowayResources, ...series(SERIES_PROBE_COUNT + 1)] });
    await lookUp(long.deps);
    const probe = batchUrls(long.batches[1]).find((u) => u.startsWith('Observation?'));
    expect(probe).toContain(`_count=${SERIES_PROBE_COUNT}`);
    expect(long.server.requests.some((u) => u.includes('/Observation?') && u.includes('p01-gp'))).toBe(true);

    const short = batchSource({ resources: [hollowayPatient, ...hollowayResources, ...series(SERIES_PROBE_COUNT)] });
    await lookUp(short.deps);
    expect(short.server.requests.some((u) => u.includes('/Observation?'))).toBe(false);
  });

  it('sends only the first batch to a source that kept nothing of a patient looked up before', async () => {
    const { deps, batches } = batchSource();
    const first = await lookUp(deps);
    const summary = first.at(-1)!.live!;
    // The patient's summary was saved, but this source's own record of them was not (it did not know them).
    const again: LookupDeps = { ...deps, cache: { read: async () => ({ value: summary, savedAt: 5 }), readSources: async () => ({}), write: async () => undefined } };
    batches.length = 0;
    const views = await lookUp(again);
    expect(batches).toHaveLength(2);
    expect(batchUrls(batches[0])[0]).toContain('Patient?identifier=');
    // The second is the long tail asked by id once the Patient was found, not a batch beside the first.
    expect(batchUrls(batches[1]).every((u) => u.includes('p01-gp'))).toBe(true);
    expect(views.at(-1)!.sources['gp']).toEqual({ state: 'done', resourceCount: 4 });
  });

  it('takes back everything a source drew when its long tail carries another patient’s record', async () => {
    const othersHaemoglobin = { ...herHaemoglobin, id: 'not-hers-hb', subject: { reference: 'Patient/p02-gp' } };
    const { deps } = batchSource({
      resources: [hollowayPatient, ...hollowayResources, herHaemoglobin],
      override: (url) => (url.pathname.endsWith('/Observation') && byIdentifier(url) ? { status: 200, body: page([herHaemoglobin, othersHaemoglobin]) } : undefined),
    });
    const views = await lookUp(deps);
    expect(views.at(-1)!.sources['gp']).toEqual({ state: 'mismatch', reason: OTHER_PATIENT_REASON });
    // Her allergy was on screen from the first batch; it is gone with the rest of the source.
    expect(views.some((v) => (v.live?.sections.allergies.length ?? 0) > 0)).toBe(true);
    expect(views.at(-1)!.live?.sections.allergies ?? []).toEqual([]);
    expect(shownRefs([views.at(-1)!])).toEqual([]);
  });

  it('asks a long-tail search by id when the source refuses it by identifier, and still chains the first screen next time', async () => {
    const refused = { status: 400, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported' }] } };
    const { deps, server, capabilities } = batchSource({
      resources: [hollowayPatient, ...hollowayResources, herHaemoglobin],
      override: (url) => (url.pathname.endsWith('/Observation') && byIdentifier(url) ? refused : undefined),
    });
    const views = await lookUp(deps);
    expect(server.requests.some((u) => u.includes('/Observation?') && u.includes('p01-gp'))).toBe(true);
    expect(views.at(-1)!.sources['gp']).toMatchObject({ state: 'done' });
    expect(capabilities.learned.has(NO_CHAINED_SEARCH)).toBe(false);
  });

  it('asks the plain way on a source without batch', async () => {
    const { deps, server, capabilities } = batchSource({ batch: false });
    deps.capabilities!.set('gp', Promise.resolve({ ...capabilities, batch: false }));
    const views = await lookUp(deps);
    expect(server.requests[0]).toContain('/Patient?identifier=');
    expect(server.requests.some((u) => u.includes('.identifier'))).toBe(false);
    expect(views.at(-1)!.sources['gp']).toEqual({ state: 'done', resourceCount: 4 });
  });
});

describe('chainedQuery', () => {
  it('asks by the identifier through patient or subject, keeping every other parameter', () => {
    expect(chainedQuery({ resourceType: 'Condition', url: 'Condition?patient=1&_count=5', firstScreen: true }, hollowayContext).url).toBe(`Condition?patient.identifier=${NHS_PARAM}&_count=5`);
    expect(chainedQuery({ resourceType: 'Flag', url: 'Flag?subject=Patient%2F1&_count=5', firstScreen: true }, hollowayContext).url).toBe(`Flag?subject%3APatient.identifier=${NHS_PARAM}&_count=5`);
  });
});

describe('patientReference', () => {
  const condition = (reference: unknown): FhirResource => ({ resourceType: 'Condition', subject: { reference } });
  it('reads relative, absolute and versioned references to the Patient resolved', () => {
    expect(patientReference(condition('Patient/p1'), 'p1', BASE)).toBe('this-patient');
    expect(patientReference(condition(`${BASE}/Patient/p1`), 'p1', BASE)).toBe('this-patient');
    expect(patientReference(condition('Patient/p1/_history/3'), 'p1', BASE)).toBe('this-patient');
    expect(patientReference({ resourceType: 'AllergyIntolerance', patient: { reference: 'Patient/p1' } }, 'p1', BASE)).toBe('this-patient');
  });
  it('tells another patient from a reference it cannot read', () => {
    expect(patientReference(condition('Patient/p2'), 'p1', BASE)).toBe('another-patient');
    expect(patientReference(condition(`${BASE}/Patient/p2`), 'p1', BASE)).toBe('another-patient');
    expect(patientReference(condition('http://elsewhere/fhir/Patient/p1'), 'p1', BASE)).toBe('unreadable');
    expect(patientReference(condition(42), 'p1', BASE)).toBe('unreadable');
    expect(patientReference({ resourceType: 'Condition' }, 'p1', BASE)).toBe('unreadable');
  });
});
