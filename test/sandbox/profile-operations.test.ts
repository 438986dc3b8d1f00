// The Patient-level operations and SMART manners a profile can add: `$everything` and `$summary`
// offered (and advertised) only where the profile has them, `.r` without `.s`, and `aud` required.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, CapabilityStatement, Composition, OperationOutcome } from '@medplum/fhirtypes';
import { HOST, SOURCES } from '../../sandbox/config';
import { generateSourceResources } from '../../sandbox/data/generate';
import { startFhirServer, type FhirServer } from '../../sandbox/fhir/server';
import { startAuthServer, type AuthServer } from '../../sandbox/auth/server';
import { authorize, signIn } from '../../sandbox/auth/scripted-sign-in';
import { EXTENSION_REDIRECT_URIS } from '../../sandbox/config';

let gp: FhirServer;
beforeAll(async () => {
  gp = await startFhirServer({ source: SOURCES[0]!, host: HOST, port: 0, resources: generateSourceResources('gp'), authIssuer: 'http://127.0.0.1:18100' });
}, 60_000);
afterAll(() => gp.close());

async function call<T = Bundle>(path: string, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(path.startsWith('http') ? path : `${gp.baseUrl}/${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as T };
}
const patientOperations = async () => {
  const { body } = await call<CapabilityStatement>('metadata');
  return body.rest?.[0]?.resource?.find((r) => r.type === 'Patient')?.operation?.map((o) => o.name) ?? [];
};
const next = (b: Bundle) => b.link?.find((l) => l.relation === 'next')?.url;
const keys = (b: Bundle) => (b.entry ?? []).map((e) => `${e.resource?.resourceType}/${e.resource?.id}`);

describe('Patient-level operations', () => {
  it('the plain engine neither offers nor advertises $everything or $summary', async () => {
    gp.setProfile('strict-standard');
    expect(await patientOperations()).toEqual([]);
    expect((await call('Patient/p01-gp/$everything')).status).toBe(404);
    expect((await call('Patient/p01-gp/$summary')).status).toBe(404);
  });

  it('patient-everything: advertised, paged, the Patient at the top of every page, every record once', async () => {
    gp.setProfile('patient-everything');
    expect(await patientOperations()).toEqual(['everything']);
    const pages: Bundle[] = [];
    for (let url: string | undefined = 'Patient/p01-gp/$everything?_count=4'; url; url = next(pages.at(-1)!)) {
      const { status, body } = await call(url);
      expect(status, url).toBe(200);
      pages.push(body);
    }
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(keys(page)[0]).toBe('Patient/p01-gp');
    const records = pages.flatMap((p) => keys(p).slice(1));
    expect(new Set(records).size).toBe(records.length);
    // Exactly what the plain searches find for the patient, type by type.
    const conditions = await call('Condition?patient=p01-gp&_count=1000');
    expect(records.filter((k) => k.startsWith('Condition/')).sort()).toEqual(keys(conditions.body).sort());
    expect(pages[0]!.total).toBe(records.length + 1);
  });

  it('patient-everything under a page cap and HAPI-style links still walks to the end', async () => {
    gp.setProfile('hapi-like');
    const first = await call('Patient/p05-gp/$everything?_count=1000');
    expect(first.body.entry?.length).toBe(101);
    expect(next(first.body)).toMatch(/\?_getpages=/);
    expect(keys((await call(next(first.body)!)).body)[0]).toBe('Patient/p05-gp');
  });

  it('patient-summary: an IPS document, Composition first, then the Patient and what the sections list', async () => {
    gp.setProfile('patient-summary');
    expect(await patientOperations()).toEqual(['summary']);
    const { status, body } = await call('Patient/p01-gp/$summary');
    expect(status).toBe(200);
    expect(body.type).toBe('document');
    expect(body.identifier?.value).toMatch(/^urn:uuid:/);
    const composition = body.entry?.[0]?.resource as Composition;
    expect(composition.resourceType).toBe('Composition');
    expect(composition.type.coding?.[0]).toMatchObject({ system: 'http://loinc.org', code: '60591-5' });
    expect(composition.subject?.reference).toBe(`${gp.baseUrl}/Patient/p01-gp`);
    expect(keys(body)[1]).toBe('Patient/p01-gp');
    const codes = (composition.section ?? []).map((s) => s.code?.coding?.[0]?.code);
    // Allergies, problems and medicines are required by the IPS: always there.
    expect(codes).toEqual(expect.arrayContaining(['48765-2', '11450-4', '10160-0']));
    const listed = (composition.section ?? []).flatMap((s) => (s.entry ?? []).map((e) => e.reference));
    const carried = new Set((body.entry ?? []).map((e) => e.fullUrl));
    for (const reference of listed) expect(carried.has(reference), reference).toBe(true);
    for (const s of composition.section ?? []) expect(s.text?.div ?? '').toMatch(/^<div xmlns="http:\/\/www.w3.org\/1999\/xhtml">/);
    const allergies = composition.section!.find((s) => s.code?.coding?.[0]?.code === '48765-2')!;
    expect((allergies.entry ?? []).length + (allergies.emptyReason ? 1 : 0)).toBeGreaterThan(0);
  });

  it('patient-summary leaves out what was entered in error', async () => {
    gp.setProfile('patient-summary');
    await gp.repo.load([{ resourceType: 'Condition', id: 'eie-1', subject: { reference: 'Patient/p01-gp' }, verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'entered-in-error' }] }, code: { text: 'Asthma (wrong patient)' } }]);
    const { body } = await call('Patient/p01-gp/$summary');
    expect(keys(body)).not.toContain('Condition/eie-1');
  });

  it('an unknown patient answers as its read does', async () => {
    gp.setProfile('patient-everything+patient-summary');
    expect((await call('Patient/nobody/$everything')).status).toBe(404);
    expect((await call('Patient/nobody/$summary')).status).toBe(404);
  });
});

describe('read-without-search: a type granted .r without .s', () => {
  it('refuses the search with 403 and an OperationOutcome naming the scope, but reads by id', async () => {
    gp.setProfile('read-without-search');
    const search = await call<OperationOutcome>('Immunization?patient=p06-gp');
    expect(search.status).toBe(403);
    expect(search.body.issue?.[0]?.diagnostics).toMatch(/Immunization\.r .*without \.s/);
    gp.setProfile('strict-standard');
    const id = (await call('Immunization?patient=p06-gp')).body.entry?.[0]?.resource?.id;
    expect(id).toBeDefined();
    gp.setProfile('read-without-search');
    expect((await call(`Immunization/${id}`)).status).toBe(200);
    expect((await call('Condition?patient=p01-gp')).status).toBe(200);
  });
});

describe('aud-required', () => {
  let auth: AuthServer;
  let guarded: FhirServer;
  let required = true;
  beforeAll(async () => {
    const bases: string[] = [];
    auth = await startAuthServer({ host: HOST, port: 0, fhirBaseUrls: bases, redirectUris: [...EXTENSION_REDIRECT_URIS], patientsForPicker: [], audienceRequired: () => required });
    guarded = await startFhirServer({ source: SOURCES[1]!, host: HOST, port: 0, resources: generateSourceResources('acute'), authIssuer: auth.issuer, validateToken: auth.validateToken });
    bases.push(guarded.baseUrl);
  }, 60_000);
  afterAll(async () => {
    await guarded.close();
    await auth.close();
  });
  const scope = 'openid fhirUser user/*.rs';
  const read = async (token: string) => (await fetch(`${guarded.baseUrl}/Condition?_count=1`, { headers: { Authorization: `Bearer ${token}` } })).status;

  it('a real grant of .r without .s: the search is refused with 403, the read by id answers', async () => {
    required = false;
    guarded.setProfile('strict-standard');
    const open = String((await signIn({ issuer: auth.issuer, aud: guarded.baseUrl, scope: 'openid user/Condition.rs' }))['access_token']);
    const id = ((await (await fetch(`${guarded.baseUrl}/Condition?_count=1`, { headers: { Authorization: `Bearer ${open}` } })).json()) as Bundle).entry?.[0]?.resource?.id;
    const readOnly = String((await signIn({ issuer: auth.issuer, aud: guarded.baseUrl, scope: 'openid user/Condition.r' }))['access_token']);
    const search = await fetch(`${guarded.baseUrl}/Condition?_count=1`, { headers: { Authorization: `Bearer ${readOnly}` } });
    expect(search.status).toBe(403);
    expect(((await search.json()) as OperationOutcome).resourceType).toBe('OperationOutcome');
    expect((await fetch(`${guarded.baseUrl}/Condition/${id}`, { headers: { Authorization: `Bearer ${readOnly}` } })).status).toBe(200);
  });

  it('refuses an authorization request without aud where a source requires it', async () => {
    required = true;
    await expect(authorize({ issuer: auth.issuer, aud: null, scope })).rejects.toMatchObject({ error: 'invalid_request', description: expect.stringMatching(/missing required parameter 'aud'/) });
  });

  it('refuses an aud that is not its FHIR base, required or not', async () => {
    required = false;
    await expect(authorize({ issuer: auth.issuer, aud: 'http://127.0.0.1:9/fhir', scope })).rejects.toMatchObject({ error: 'invalid_request' });
  });

  it('without the rule a request without aud gets a token naming no server; a source with the rule refuses that token', async () => {
    required = false;
    const tokens = await signIn({ issuer: auth.issuer, aud: null, scope });
    const token = String(tokens['access_token']);
    guarded.setProfile('strict-standard');
    expect(await read(token)).toBe(200);
    guarded.setProfile('aud-required');
    expect(await read(token)).toBe(401);
    const bound = String((await signIn({ issuer: auth.issuer, aud: guarded.baseUrl, scope }))['access_token']);
    expect(await read(bound)).toBe(200);
  });
});
