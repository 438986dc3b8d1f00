import { describe, expect, it } from 'vitest';
import { createFhirGet } from '@/lib/sources/fhir-http';
import { searchAll } from '@/lib/sources/search';
import type { FhirResource } from '@/lib/fhir/resource';
import { fakeFhir } from '../fixtures/fake-fhir';

const base = 'http://fhir.test/fhir';
const observations: FhirResource[] = Array.from({ length: 23 }, (_, i) => ({
  resourceType: 'Observation',
  id: `o${i}`,
  subject: { reference: 'Patient/p1' },
}));
const signal = new AbortController().signal;

describe('searching with paging', () => {
  it('follows next links until every resource is in', async () => {
    const server = fakeFhir({ base, resources: observations });
    const get = createFhirGet({ fetch: server.fetch, timeoutMs: 1000 });
    const result = await searchAll(get, `${base}/Observation?patient=p1&_count=10`, { signal, maxPages: 10 });
    expect(result.resources.map((r) => r.id)).toEqual(observations.map((o) => o.id));
    expect(result.truncated).toBeUndefined();
    expect(server.requests).toHaveLength(3);
  });

  it('stops at the page limit and says the result is incomplete', async () => {
    const server = fakeFhir({ base, resources: observations });
    const get = createFhirGet({ fetch: server.fetch, timeoutMs: 1000 });
    const result = await searchAll(get, `${base}/Observation?patient=p1&_count=10`, { signal, maxPages: 2 });
    expect(result.resources).toHaveLength(20);
    expect(result.truncated).toBe('more records than fhirside loads at once');
  });

  it('does not loop on a next link that points back at itself', async () => {
    const loop = { resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'next', url: `${base}/Observation?loop` }], entry: [] };
    const server = fakeFhir({ base, resources: [], override: () => ({ status: 200, body: loop }) });
    const get = createFhirGet({ fetch: server.fetch, timeoutMs: 1000 });
    await searchAll(get, `${base}/Observation?loop`, { signal, maxPages: 50 });
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a next link to another server, so the token never leaves the source', async () => {
    const page = { resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'next', url: 'https://elsewhere.example/fhir/Observation?page=2' }], entry: [{ resource: observations[0] }] };
    const server = fakeFhir({ base, resources: [], override: () => ({ status: 200, body: page }) });
    const get = createFhirGet({ fetch: server.fetch, timeoutMs: 1000 });
    const result = await searchAll(get, `${base}/Observation?patient=p1`, { signal, maxPages: 50, baseUrl: base });
    expect(result.resources).toHaveLength(1);
    expect(result.truncated).toBe('the source pointed to another server for the rest; fhirside did not follow it');
    expect(server.requests).toEqual([`${base}/Observation?patient=p1`]);
  });

  it('sends the bearer token', async () => {
    let seen: string | null = null;
    const fetchImpl = (async (_url: string, init?: RequestInit) => {
      seen = new Headers(init?.headers).get('Authorization');
      return new Response(JSON.stringify({ resourceType: 'Bundle', type: 'searchset' }));
    }) as typeof fetch;
    const get = createFhirGet({ fetch: fetchImpl, accessToken: async () => 'tok-123', timeoutMs: 1000 });
    await searchAll(get, `${base}/Condition`, { signal, maxPages: 1 });
    expect(seen).toBe('Bearer tok-123');
  });
});

describe('failures become words a clinician can read', () => {
  const failing = (status: number, body: unknown) => createFhirGet({ fetch: fakeFhir({ base, resources: [], override: () => ({ status, body }) }).fetch, timeoutMs: 1000 });

  it('reads the OperationOutcome', async () => {
    const outcome = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'Access to Observation denied' }] };
    await expect(failing(403, outcome)(`${base}/Observation`, signal)).rejects.toThrow('This source does not allow you to see this record (Access to Observation denied)');
  });

  it('explains an HTML error page without showing it', async () => {
    await expect(failing(502, '<html><body>Bad gateway</body></html>')(`${base}/Observation`, signal)).rejects.toThrow('The source had an internal error (HTTP 502)');
  });

  it('explains a reply that is not JSON', async () => {
    await expect(failing(200, '{"resourceType": "Bund')(`${base}/Observation`, signal)).rejects.toThrow('not valid FHIR JSON');
  });

  it('gives up on a server that does not answer in time', async () => {
    const hanging = (async (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)))) as typeof fetch;
    const get = createFhirGet({ fetch: hanging, timeoutMs: 50 });
    await expect(get(`${base}/Observation`, signal)).rejects.toThrow('The source did not answer in time');
  });
});
