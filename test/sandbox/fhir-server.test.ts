// The sandbox FHIR servers answer what the extension asks: discovery documents, identifier and
// patient-scoped searches with working paging, batches, CORS, and Bearer-token checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, CapabilityStatement, Observation, OperationOutcome, Patient } from '@medplum/fhirtypes';
import { HOST, NHS_NUMBER_SYSTEM, SOURCES } from '../../sandbox/config';
import { generateSourceResources } from '../../sandbox/data/generate';
import { startFhirServer, type FhirServer, type TokenInfo } from '../../sandbox/fhir/server';

const AUTH = 'http://127.0.0.1:18100';
const TOKENS: Record<string, TokenInfo> = {
  clinician: { clientId: 'fhirside', scope: 'openid fhirUser user/*.rs', sub: 'dr-demo' },
  'patient-p01': { clientId: 'fhirside', scope: 'openid launch/patient patient/*.read', patient: 'p01-acute' },
};
const acuteResources = generateSourceResources('acute');
let acute: FhirServer;
let gp: FhirServer;

beforeAll(async () => {
  const source = (id: string) => SOURCES.find((s) => s.id === id) ?? SOURCES[0]!;
  acute = await startFhirServer({ source: source('acute'), host: HOST, port: 0, resources: acuteResources, authIssuer: AUTH, validateToken: async (t) => TOKENS[t] ?? null });
  gp = await startFhirServer({ source: source('gp'), host: HOST, port: 0, resources: generateSourceResources('gp'), authIssuer: AUTH });
});
afterAll(async () => {
  await acute.close();
  await gp.close();
});

async function get<T>(url: string, token?: string): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(url.startsWith('http') ? url : `${acute.baseUrl}/${url}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}
const clinician = <T>(path: string) => get<T>(path, 'clinician');
const next = (b: Bundle) => b.link?.find((l) => l.relation === 'next')?.url;

describe('discovery', () => {
  it('serves a CapabilityStatement without a token, naming the auth endpoints', async () => {
    const { status, body, headers } = await get<CapabilityStatement>('metadata');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(body.resourceType).toBe('CapabilityStatement');
    expect(body.fhirVersion).toBe('4.0.1');
    const rest = body.rest?.[0];
    const oauth = rest?.security?.extension?.[0];
    expect(oauth?.url).toBe('http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris');
    expect(oauth?.extension).toEqual([{ url: 'authorize', valueUri: `${AUTH}/auth` }, { url: 'token', valueUri: `${AUTH}/token` }]);
    expect(rest?.interaction?.map((i) => i.code)).toContain('batch');
    const observation = rest?.resource?.find((r) => r.type === 'Observation');
    expect(observation?.searchParam?.map((p) => p.name)).toEqual(expect.arrayContaining(['patient', 'category', 'date', 'code', '_lastUpdated']));
  });

  it('serves SMART configuration, also for an open source', async () => {
    for (const base of [acute.baseUrl, gp.baseUrl]) {
      const { status, body } = await get<Record<string, unknown>>(`${base}/.well-known/smart-configuration`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ issuer: AUTH, authorization_endpoint: `${AUTH}/auth`, token_endpoint: `${AUTH}/token`, code_challenge_methods_supported: ['S256'], response_types_supported: ['code'] });
      expect(body.scopes_supported).toEqual(expect.arrayContaining(['openid', 'fhirUser', 'launch', 'launch/patient', 'offline_access', 'patient/*.read', 'patient/*.rs', 'user/*.read', 'user/*.rs']));
      expect(body.capabilities).toEqual(expect.arrayContaining(['launch-standalone', 'launch-ehr', 'client-public', 'context-standalone-patient', 'permission-v1', 'permission-v2', 'sso-openid-connect']));
    }
  });

  it('answers a CORS preflight allowing the Authorization header', async () => {
    const res = await fetch(`${acute.baseUrl}/Observation?patient=p01-acute`, { method: 'OPTIONS', headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect((await get('metadata')).headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('Bearer tokens', () => {
  it('refuses a request without a token with 401, a Bearer challenge and an OperationOutcome', async () => {
    const { status, body, headers } = await get<OperationOutcome>('Patient/p01-acute');
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(body.resourceType).toBe('OperationOutcome');
    expect((await get<OperationOutcome>('Patient/p01-acute', 'forged')).status).toBe(401);
  });

  it('answers a request with a token the auth server accepts', async () => {
    const { status, body } = await clinician<Patient>('Patient/p01-acute');
    expect(status).toBe(200);
    expect(body.name?.[0]?.family).toBe('Holloway');
  });

  it('keeps a patient-scoped token inside its patient', async () => {
    expect((await get<Bundle>('Observation?patient=p01-acute&_count=5', 'patient-p01')).status).toBe(200);
    const other = await get<OperationOutcome>('Observation?patient=p02-acute', 'patient-p01');
    expect(other.status).toBe(403);
    expect(other.body.resourceType).toBe('OperationOutcome');
    expect((await get('Patient/p02-acute', 'patient-p01')).status).toBe(403);
    const unfiltered = await get<Bundle<Observation>>('Observation?_count=1000', 'patient-p01');
    expect(unfiltered.body.entry?.every((e) => e.resource?.subject?.reference === 'Patient/p01-acute')).toBe(true);
  });

  it('refuses a token issued for another server, and takes one issued for itself', async () => {
    TOKENS['for-gp'] = { clientId: 'fhirside', scope: 'openid user/*.rs', audience: gp.baseUrl };
    TOKENS['for-acute'] = { clientId: 'fhirside', scope: 'openid user/*.rs', audience: `${acute.baseUrl}/` };
    const elsewhere = await get<OperationOutcome>('Patient/p01-acute', 'for-gp');
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect((await get<Patient>('Patient/p01-acute', 'for-acute')).status).toBe(200);
  });

  it('refuses writes over HTTP', async () => {
    const res = await fetch(`${acute.baseUrl}/Observation`, { method: 'POST', headers: { Authorization: 'Bearer clinician', 'Content-Type': 'application/fhir+json' }, body: JSON.stringify({ resourceType: 'Observation', status: 'final', code: { text: 'x' } }) });
    expect(res.status).toBe(403);
  });
});

describe('search', () => {
  it('finds a patient by NHS number, and both records of a duplicated one', async () => {
    const { body } = await get<Bundle<Patient>>(`${gp.baseUrl}/Patient?identifier=${NHS_NUMBER_SYSTEM}|9990316775`);
    expect(body.entry?.map((e) => e.resource?.id)).toEqual(['p04-gp']);
    const dup = await clinician<Bundle<Patient>>(`Patient?identifier=${encodeURIComponent(`${NHS_NUMBER_SYSTEM}|9990791910`)}`);
    expect(dup.body.total).toBe(2);
  });

  it('walks next links through all of a patient\'s observations, newest first, without duplicates', async () => {
    const expected = acuteResources.filter((r) => r.resourceType === 'Observation' && (r as Observation).subject?.reference === 'Patient/p10-acute').length;
    let page = (await clinician<Bundle<Observation>>('Observation?patient=p10-acute&_count=500&_sort=-date&_total=accurate')).body;
    expect(page.total).toBe(expected);
    const seen: Observation[] = [];
    for (;;) {
      seen.push(...(page.entry ?? []).map((e) => e.resource as Observation));
      const url = next(page);
      if (!url) break;
      expect(url.startsWith(`${acute.baseUrl}/Observation?`)).toBe(true);
      page = (await get<Bundle<Observation>>(url, 'clinician')).body;
    }
    expect(seen).toHaveLength(expected);
    expect(new Set(seen.map((o) => o.id)).size).toBe(expected);
    const times = seen.map((o) => Date.parse(o.effectiveDateTime ?? ''));
    expect(times.every((t, i) => i === 0 || t <= (times[i - 1] ?? t))).toBe(true);
  });

  it('filters by category and date prefix', async () => {
    const { body } = await clinician<Bundle<Observation>>('Observation?patient=p10-acute&category=laboratory&date=ge2026-06-01&_count=1000');
    const expected = acuteResources.filter((r) => {
      const o = r as Observation;
      return r.resourceType === 'Observation' && o.subject?.reference === 'Patient/p10-acute' && (o.effectiveDateTime ?? '') >= '2026-06-01' && o.category?.[0]?.coding?.[0]?.code === 'laboratory';
    });
    expect(body.total).toBe(expected.length);
    expect(body.entry?.every((e) => (e.resource?.effectiveDateTime ?? '') >= '2026-06-01')).toBe(true);
  });

  it('filters by _lastUpdated', async () => {
    const { body } = await clinician<Bundle<Observation>>('Observation?patient=p10-acute&_lastUpdated=gt2026-11-20&_count=100');
    expect(body.total).toBeGreaterThan(0);
    expect(body.entry?.every((e) => (e.resource?.meta?.lastUpdated ?? '') > '2026-11-20')).toBe(true);
  });

  it('answers _lastUpdated against an instant exactly as against a date, whichever way it compares', async () => {
    const total = async (query: string) => (await clinician<Bundle>(`Observation?patient=p10-acute&_summary=count&${query}`)).body.total;
    const all = await total('');
    const after = await total('_lastUpdated=gt2026-11-20T23:59:59.999Z');
    expect(after).toBe(await total('_lastUpdated=gt2026-11-20'));
    expect(after).toBeGreaterThan(0);
    // The same instant in another zone, and the other side of it: together they are every record.
    expect(await total('_lastUpdated=gt2026-11-21T00:59:59.999%2B01:00')).toBe(after);
    expect((await total('_lastUpdated=le2026-11-20T23:59:59.999Z'))! + after!).toBe(all);
  });

  it('answers a search chained through the patient’s NHS number, for each Patient carrying it, and no other chain', async () => {
    const nhs = (value: string) => encodeURIComponent(`${NHS_NUMBER_SYSTEM}|${value}`);
    const p10 = acuteResources.find((r) => r.resourceType === 'Patient' && r.id === 'p10-acute') as Patient;
    const p10Nhs = p10.identifier?.find((i) => i.system === NHS_NUMBER_SYSTEM)?.value ?? '';
    const byId = await clinician<Bundle>('Condition?patient=p10-acute&_count=1000');
    const chained = await clinician<Bundle>(`Condition?patient.identifier=${nhs(p10Nhs)}&_count=1000`);
    const typed = await clinician<Bundle>(`Condition?subject:Patient.identifier=${nhs(p10Nhs)}&_count=1000`);
    expect(byId.body.total).toBeGreaterThan(0);
    expect(chained.body.entry?.map((e) => e.resource?.id)).toEqual(byId.body.entry?.map((e) => e.resource?.id));
    expect(typed.body.total).toBe(byId.body.total);
    expect((await clinician<Bundle>(`Condition?patient.identifier=${nhs('9999999999')}`)).body.total).toBe(0);
    // One NHS number on two Patients: the records of both come back (the client must see it).
    const subjects = (await clinician<Bundle<Observation>>(`Observation?patient.identifier=${nhs('9990791910')}&_count=1000`)).body.entry?.map((e) => e.resource?.subject?.reference);
    expect(new Set(subjects).size).toBe(2);
    expect((await clinician<OperationOutcome>(`Condition?patient.name=Taylor`)).status).toBe(400);
    // A patient-scoped token reaches its own patient only, by chain as by id.
    expect((await get<OperationOutcome>(`Observation?patient.identifier=${nhs('9990791910')}`, 'patient-p01')).status).toBe(403);
  });

  it('rejects a parameter it does not know with 400 rather than an empty result', async () => {
    const { status, body } = await clinician<OperationOutcome>('Observation?patient=p10-acute&colour=blue');
    expect(status).toBe(400);
    expect(body.issue?.[0]?.details?.text).toContain('colour');
  });

  it('answers 404 with an OperationOutcome for a missing resource', async () => {
    const { status, body } = await clinician<OperationOutcome>('Condition/nope');
    expect(status).toBe(404);
    expect(body.resourceType).toBe('OperationOutcome');
  });
});

describe('batch', () => {
  it.each(['batch', 'transaction'] as const)('returns a searchset for each GET in a %s', async (type) => {
    const res = await fetch(acute.baseUrl, {
      method: 'POST',
      headers: { Authorization: 'Bearer clinician', 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Bundle', type, entry: [
        { request: { method: 'GET', url: 'AllergyIntolerance?patient=p01-acute' } },
        { request: { method: 'GET', url: 'Observation?patient=p10-acute&_count=10&_sort=-date' } },
        { request: { method: 'GET', url: `${acute.baseUrl}/Patient/p01-acute` } },
      ] }),
    });
    expect(res.status).toBe(200);
    const bundle = (await res.json()) as Bundle<Bundle | Patient>;
    expect(bundle.type).toBe(`${type}-response`);
    const [allergies, observations, patient] = (bundle.entry ?? []).map((e) => e.resource);
    expect(allergies).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect((observations as Bundle).entry).toHaveLength(10);
    expect(next(observations as Bundle)).toMatch(/_offset=10/);
    expect(patient).toMatchObject({ resourceType: 'Patient', id: 'p01-acute' });
  });
});

describe('the forbidden-type fault', () => {
  const post = (entry: unknown[]) =>
    fetch(acute.baseUrl, {
      method: 'POST',
      headers: { Authorization: 'Bearer clinician', 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry }),
    });

  it('refuses the type in a plain search and in each batch entry asking for it, and nothing else', async () => {
    acute.setFault({ mode: 'forbidden-type' });
    try {
      const plain = await clinician<OperationOutcome>('Observation?patient=p10-acute');
      expect(plain.status).toBe(403);
      expect(plain.body.issue?.[0]?.code).toBe('forbidden');
      const res = await post([
        { request: { method: 'GET', url: 'Observation?patient=p10-acute&_summary=count' } },
        { request: { method: 'GET', url: 'AllergyIntolerance?patient=p01-acute' } },
      ]);
      expect(res.status).toBe(200);
      const [observations, allergies] = ((await res.json()) as Bundle).entry ?? [];
      expect(observations?.response?.status).toMatch(/^403/);
      expect(observations?.response?.outcome ?? observations?.resource).toMatchObject({ resourceType: 'OperationOutcome' });
      expect(allergies?.response?.status).toMatch(/^200/);
      expect(allergies?.resource).toMatchObject({ resourceType: 'Bundle', total: 1 });
    } finally {
      acute.setFault({ mode: 'none' });
    }
    expect((await clinician<Bundle>('Observation?patient=p10-acute&_summary=count')).status).toBe(200);
  });

  it('lets the link-bending faults reach each search inside a batch, as a misbehaving server would', async () => {
    acute.setFault({ mode: 'next-other-host' });
    try {
      const res = await post([{ request: { method: 'GET', url: 'AllergyIntolerance?patient=p01-acute' } }]);
      const [allergies] = ((await res.json()) as Bundle<Bundle>).entry ?? [];
      expect(next(allergies!.resource!)).toMatch(/^http:\/\/evil\.example/);
    } finally {
      acute.setFault({ mode: 'none' });
    }
  });
});
