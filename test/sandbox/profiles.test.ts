// Each sandbox profile rule makes the server behave the way its comment says a real product does,
// seen from outside over HTTP, as fhirside sees it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AllergyIntolerance, Bundle, CapabilityStatement, DocumentReference, MedicationRequest, OperationOutcome } from '@medplum/fhirtypes';
import { HOST, SOURCES } from '../../sandbox/config';
import { generateSourceResources } from '../../sandbox/data/generate';
import { startFhirServer, type FhirServer } from '../../sandbox/fhir/server';
import { rulesOf } from '../../sandbox/fhir/profiles/named';
import type { ProfileOptions } from '../../sandbox/fhir/profiles/exchange';

let gp: FhirServer;
beforeAll(async () => {
  gp = await startFhirServer({ source: SOURCES[0]!, host: HOST, port: 0, resources: generateSourceResources('gp'), authIssuer: 'http://127.0.0.1:18100' });
}, 60_000);
afterAll(() => gp.close());

interface Reply<T> { readonly status: number; readonly body: T; readonly headers: Headers }
async function call<T = Bundle>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<Reply<T>> {
  const res = await fetch(path.startsWith('http') ? path : `${gp.baseUrl}/${path}`, {
    method: init.method ?? 'GET',
    headers: { 'Content-Type': 'application/fhir+json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}
const profile = (spec: string, options?: Partial<ProfileOptions>) => gp.setProfile(spec, options);
const next = (b: Bundle) => b.link?.find((l) => l.relation === 'next')?.url;
const ids = (b: Bundle) => (b.entry ?? []).map((e) => e.resource?.id);
const diagnostics = (o: OperationOutcome) => o.issue?.[0]?.diagnostics ?? '';
const batch = (...urls: string[]) => ({ resourceType: 'Bundle', type: 'batch', entry: urls.map((url) => ({ request: { method: 'GET', url } })) });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every page of a search, following next links as given. */
async function walk(first: string): Promise<{ ids: (string | undefined)[]; pages: number }> {
  const all: (string | undefined)[] = [];
  let url: string | undefined = first;
  let pages = 0;
  while (url) {
    const { status, body } = await call(url);
    expect(status, url).toBe(200);
    all.push(...ids(body));
    pages++;
    url = next(body);
  }
  return { ids: all, pages };
}

describe('required parameters', () => {
  it('require-patient: a clinical search without its patient is refused with 400 and an OperationOutcome', async () => {
    profile('require-patient');
    const refused = await call<OperationOutcome>('Condition?code=44054006');
    expect(refused.status).toBe(400);
    expect(diagnostics(refused.body)).toMatch(/requires the patient/);
    expect((await call('Condition?patient=p01-gp')).status).toBe(200);
    expect((await call('Patient?identifier=x')).status).toBe(200);
  });

  it('require-category: Observation needs a category or code, CarePlan a category', async () => {
    profile('require-category');
    expect((await call('Observation?patient=p05-gp')).status).toBe(400);
    expect((await call('CarePlan?patient=p05-gp')).status).toBe(400);
    const labs = await call('Observation?patient=p05-gp&category=laboratory');
    expect(labs.status).toBe(200);
    expect(labs.body.total).toBeGreaterThan(0);
  });
});

describe('unsupported parameters', () => {
  it('ignore-unsupported: _lastUpdated and _summary=count are dropped, so every record comes back', async () => {
    profile('ignore-unsupported');
    const future = await call('Condition?patient=p05-gp&_lastUpdated=gt2999-01-01T00:00:00Z');
    expect(future.status).toBe(200);
    expect(future.body.entry?.length).toBeGreaterThan(0);
    const counted = await call('Condition?patient=p05-gp&_summary=count');
    expect(counted.body.entry?.length).toBeGreaterThan(0);
  });

  it('reject-unsupported: 400 naming the parameter, and the statement no longer offers _lastUpdated', async () => {
    profile('reject-unsupported');
    const refused = await call<OperationOutcome>('Condition?patient=p05-gp&_sort=-date');
    expect(refused.status).toBe(400);
    expect(diagnostics(refused.body)).toMatch(/_sort is not supported/);
    expect((await call('Condition?patient=p05-gp&_summary=count')).status).toBe(400);
    const statement = (await call<CapabilityStatement>('metadata')).body;
    const params = statement.rest?.[0]?.resource?.find((r) => r.type === 'Observation')?.searchParam?.map((p) => p.name);
    expect(params).not.toContain('_lastUpdated');
    expect(params).toContain('patient');
  });
});

describe('paging', () => {
  const all = async () => {
    profile('strict-standard');
    return (await walk('Observation?patient=p05-gp&_count=1000')).ids;
  };

  it('count-cap: a page of 1,000 asked for is 200 Observations (100 of other types), the rest behind next', async () => {
    const everything = await all();
    profile('count-cap');
    const first = await call('Observation?patient=p05-gp&_count=1000');
    expect(first.body.entry).toHaveLength(200);
    expect(next(first.body)).toBeDefined();
    expect((await call('Condition?patient=p05-gp&_count=1000')).body.entry!.length).toBeLessThanOrEqual(100);
    expect((await walk('Observation?patient=p05-gp&_count=1000')).ids).toEqual(everything);
  });

  it('short-pages: the first page is a third of what was asked for and still has next; the walk gets everything', async () => {
    const everything = await all();
    profile('short-pages');
    const first = await call('Observation?patient=p05-gp&_count=90');
    expect(first.body.entry).toHaveLength(30);
    expect(next(first.body)).toMatch(/_count=90/);
    expect((await walk('Observation?patient=p05-gp&_count=90')).ids).toEqual(everything);
  });

  it('getpages-links: next links are opaque ids at the base; an unknown id answers 410', async () => {
    const everything = await all();
    profile('getpages-links');
    const first = await call('Observation?patient=p05-gp&_count=100');
    expect(next(first.body)).toMatch(new RegExp(`^${gp.baseUrl}\\?_getpages=[0-9a-f-]{36}&_getpagesoffset=100&_count=100`));
    expect((await walk('Observation?patient=p05-gp&_count=100')).ids).toEqual(everything);
    const gone = await call<OperationOutcome>(`${gp.baseUrl}?_getpages=00000000-0000-0000-0000-000000000000&_getpagesoffset=100&_count=100`);
    expect(gone.status).toBe(410);
  });

  it('page-context-links: next links carry only -pageContext and -pageDirection=NEXT', async () => {
    const everything = await all();
    profile('page-context-links');
    const first = await call('Observation?patient=p05-gp&_count=100');
    expect(next(first.body)).toMatch(new RegExp(`^${gp.baseUrl}/Observation\\?-pageContext=[0-9a-f-]{36}&-pageDirection=NEXT$`));
    expect((await walk('Observation?patient=p05-gp&_count=100')).ids).toEqual(everything);
  });

  it('continuation-links: next links are the search plus a ct token instead of an offset', async () => {
    const everything = await all();
    profile('continuation-links');
    const link = next((await call('Observation?patient=p05-gp&_count=100')).body)!;
    expect(link).toMatch(/[?&]ct=[\w-]+/);
    expect(link).not.toMatch(/_offset/);
    expect((await walk('Observation?patient=p05-gp&_count=100')).ids).toEqual(everything);
  });

  it('expiring-links: a next link followed after its lifetime answers 410 Gone with an OperationOutcome', async () => {
    profile('expiring-links+getpages-links', { linkSeconds: 0.2 });
    const link = next((await call('Observation?patient=p05-gp&_count=100')).body)!;
    expect((await call(link)).status).toBe(200);
    await wait(300);
    const gone = await call<OperationOutcome>(link);
    expect(gone.status).toBe(410);
    expect(gone.body.resourceType).toBe('OperationOutcome');
    // The search itself, run again, works.
    expect((await call('Observation?patient=p05-gp&_count=100')).status).toBe(200);
  });

  it('no-total and total-estimate: Bundle.total absent, or a number that changes between identical requests', async () => {
    profile('no-total');
    expect((await call('Condition?patient=p05-gp')).body.total).toBeUndefined();
    profile('total-estimate');
    const totals = new Set<number | undefined>();
    for (let i = 0; i < 3; i++) totals.add((await call('Condition?patient=p05-gp')).body.total);
    expect(totals.size).toBeGreaterThan(1);
  });

  it('repeat-ids: each later page starts with the last record of the page before', async () => {
    const everything = await all();
    profile('repeat-ids');
    const first = await call('Observation?patient=p05-gp&_count=100');
    const second = await call(next(first.body)!);
    expect(ids(second.body)[0]).toBe(ids(first.body).at(-1));
    const walked = (await walk('Observation?patient=p05-gp&_count=100')).ids;
    expect(walked.length).toBeGreaterThan(everything.length);
    expect(new Set(walked)).toEqual(new Set(everything));
  });
});

describe('batch', () => {
  it('no-batch: not in the CapabilityStatement, and a batch is refused', async () => {
    profile('no-batch');
    const statement = (await call<CapabilityStatement>('metadata')).body;
    expect(statement.rest?.[0]?.interaction?.map((i) => i.code)).not.toContain('batch');
    expect((await call(gp.baseUrl, { method: 'POST', body: batch('Condition?patient=p01-gp') })).status).toBe(405);
  });

  it('batch-reads-only: search entries answer 400 inside an otherwise good batch-response', async () => {
    profile('batch-reads-only');
    const { status, body } = await call(gp.baseUrl, { method: 'POST', body: batch('Condition?patient=p01-gp', 'Patient/p01-gp') });
    expect(status).toBe(200);
    expect(body.entry?.map((e) => e.response?.status)).toEqual(['400 Bad Request', '200 OK']);
    expect(body.entry?.[1]?.resource?.id).toBe('p01-gp');
  });

  it('batch-limit: five entries are answered, six are refused whole', async () => {
    profile('batch-limit');
    const five = Array.from({ length: 5 }, () => 'Condition?patient=p01-gp');
    expect((await call(gp.baseUrl, { method: 'POST', body: batch(...five) })).status).toBe(200);
    const six = await call<OperationOutcome>(gp.baseUrl, { method: 'POST', body: batch(...five, 'Flag?patient=p01-gp') });
    expect(six.status).toBe(400);
    expect(diagnostics(six.body)).toMatch(/at most 5 entries/);
  });

  it('profile rules apply to each entry of a batch as to a plain request', async () => {
    profile('require-category+no-total');
    const { body } = await call(gp.baseUrl, { method: 'POST', body: batch('Observation?patient=p05-gp', 'Condition?patient=p05-gp') });
    expect(body.entry?.[0]?.response?.status).toBe('400 Error');
    expect((body.entry?.[1]?.resource as Bundle).total).toBeUndefined();
  });
});

describe('tokens', () => {
  it('token-lifetime: a token works until its lifetime from first use here, then 401 invalid_token; a new one works', async () => {
    profile('token-lifetime', { tokenSeconds: 0.2 });
    expect((await call('Condition?patient=p01-gp', { token: 'first' })).status).toBe(200);
    await wait(300);
    const expired = await call('Condition?patient=p01-gp', { token: 'first' });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toMatch(/invalid_token/);
    expect((await call('Condition?patient=p01-gp', { token: 'second' })).status).toBe(200);
  });

  it('narrow-scope: DocumentReference is refused with 403, alone and inside a batch', async () => {
    profile('narrow-scope');
    expect((await call('DocumentReference?patient=p01-gp')).status).toBe(403);
    const { body } = await call(gp.baseUrl, { method: 'POST', body: batch('DocumentReference?patient=p01-gp', 'Condition?patient=p01-gp') });
    expect(body.entry?.map((e) => e.response?.status)).toEqual(['403 Error', '200 OK']);
  });
});

describe('data manners', () => {
  it('nka-placeholder: a patient with no allergy recorded gets one "No known allergy" record', async () => {
    profile('nka-placeholder');
    const none = await call<Bundle<AllergyIntolerance>>('AllergyIntolerance?patient=p09-gp');
    expect(none.body.entry).toHaveLength(1);
    expect(none.body.entry?.[0]?.resource?.code?.coding?.[0]?.code).toBe('716186003');
    profile('strict-standard');
    const some = (await call('AllergyIntolerance?patient=p01-gp')).body.entry?.length;
    profile('nka-placeholder');
    expect((await call('AllergyIntolerance?patient=p01-gp')).body.entry?.length).toBe(some);
  });

  it('mask-entered-in-error: the record stays, its content is withheld with data-absent-reason masked', async () => {
    const created = await gp.repo.createResource({
      resourceType: 'Condition', subject: { reference: 'Patient/p13-gp' },
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'entered-in-error' }] }, code: { text: 'Wrong patient: myocardial infarction' },
    });
    profile('mask-entered-in-error');
    const { body } = await call('Condition?patient=p13-gp&_count=1000');
    const masked = body.entry?.find((e) => e.resource?.id === created.id)?.resource as unknown as Record<string, unknown>;
    expect(masked['code']).toEqual({ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' }] });
    expect(JSON.stringify(masked)).not.toMatch(/myocardial/);
  });

  it('contained-medications: the medicine is a contained Medication referenced from the request', async () => {
    profile('contained-medications');
    const { body } = await call<Bundle<MedicationRequest>>('MedicationRequest?patient=p04-gp');
    const request = body.entry?.[0]?.resource;
    expect(request?.medicationCodeableConcept).toBeUndefined();
    expect(request?.medicationReference?.reference).toBe('#med');
    expect(request?.contained?.[0]).toMatchObject({ resourceType: 'Medication', id: 'med', code: { coding: expect.any(Array) } });
  });
});

describe('document text', () => {
  it('document-binary: the text moves to a Binary, read as FHIR JSON; a raw Accept of another type is refused', async () => {
    await gp.repo.createResource<DocumentReference>({
    resourceType: 'DocumentReference', status: 'current', subject: { reference: 'Patient/p01-gp' }, description: 'Clinic letter',
    content: [{ attachment: { contentType: 'text/plain; charset=utf-8', data: Buffer.from('Dear Dr Smith, seen in clinic today.').toString('base64'), title: 'Clinic letter' } }],
  });
    profile('document-binary');
    const { body } = await call('DocumentReference?patient=p01-gp');
    const attachment = (body.entry?.[0]?.resource as { content?: { attachment?: { url?: string; data?: string } }[] }).content?.[0]?.attachment;
    expect(attachment?.data).toBeUndefined();
    expect(attachment?.url).toMatch(/^Binary\//);
    const binary = await call<{ resourceType: string; data?: string }>(attachment!.url!);
    expect(binary.body).toMatchObject({ resourceType: 'Binary', data: expect.any(String) });
    const raw = await fetch(`${gp.baseUrl}/${attachment!.url!}`, { headers: { Accept: 'application/pdf' } });
    expect(raw.status).toBe(406);
  });
});

describe('named profiles', () => {
  it('combine their rules; an unknown name or rule is refused with the list of known ones', () => {
    expect(rulesOf('strict-standard')).toEqual([]);
    expect(rulesOf('hapi-like')).toEqual(expect.arrayContaining(['getpages-links', 'expiring-links']));
    expect(rulesOf('epic-like+no-total')).toEqual(expect.arrayContaining(['require-category', 'no-total']));
    expect(() => rulesOf('cerner')).toThrow(/Unknown profile or rule "cerner".*epic-like/);
  });
});
