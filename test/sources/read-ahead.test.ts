import { describe, expect, it } from 'vitest';
import { createFhirGet, type FhirGet } from '@/lib/sources/fhir-http';
import { earlyNextLink } from '@/lib/sources/read-ahead';
import { searchAll } from '@/lib/sources/search';
import type { FhirResource } from '@/lib/fhir/resource';
import { fakeFhir } from '../fixtures/fake-fhir';

const base = 'http://fhir.test/fhir';
const signal = new AbortController().signal;
const observations: FhirResource[] = Array.from({ length: 25 }, (_, i) => ({ resourceType: 'Observation', id: `o${i}`, subject: { reference: 'Patient/p1' } }));

describe("reading a page's next link before the page is parsed", () => {
  it('finds the next link in the link list ahead of the entries, in either key order, unescaped', () => {
    expect(earlyNextLink(JSON.stringify({ resourceType: 'Bundle', link: [{ relation: 'self', url: 'a' }, { relation: 'next', url: `${base}/Observation?p=2&x=%2F` }], entry: [] }))).toBe(`${base}/Observation?p=2&x=%2F`);
    expect(earlyNextLink('{"link":[ { "url" : "http://x/fhir/O?a=\\u0026b", "relation" : "next" } ],"entry":[]}')).toBe('http://x/fhir/O?a=&b');
  });

  it('never takes a link from inside the entries, and finds none on a last page', () => {
    const inEntries = JSON.stringify({ resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Basic', extension: [{ relation: 'next', url: `${base}/Patient` }] } }], link: [] });
    expect(earlyNextLink(inEntries)).toBeUndefined();
    expect(earlyNextLink(JSON.stringify({ resourceType: 'Bundle', link: [{ relation: 'self', url: 'a' }], entry: [] }))).toBeUndefined();
    expect(earlyNextLink('not json at all')).toBeUndefined();
  });

  it('asks for the next page before the page in hand has been parsed and handed back', async () => {
    const server = fakeFhir({ base, resources: observations });
    const get = createFhirGet({ fetch: server.fetch, timeoutMs: 1000 });
    const log: string[] = [];
    const page = (url: string) => Number(new URL(url).searchParams.get('_offset') ?? 0) / 10 + 1;
    const tracked: FhirGet = (url, s, init, peek) => {
      log.push(`ask ${page(url)}`);
      return get(url, s, init, peek).then((body) => (log.push(`got ${page(url)}`), body));
    };
    const result = await searchAll(tracked, `${base}/Observation?patient=p1&_count=10`, { signal, maxPages: 10, baseUrl: base });
    expect(result.resources.map((r) => r.id)).toEqual(observations.map((o) => o.id));
    expect(log.indexOf('ask 2')).toBeLessThan(log.indexOf('got 1'));
    expect(log.indexOf('ask 3')).toBeLessThan(log.indexOf('got 2'));
    expect(server.requests).toHaveLength(3);
  });

  it('follows the parsed link when the early one differs, and drops the early request', async () => {
    const decoy = `${base}/Observation?decoy`;
    const real = `${base}/Observation?page=2`;
    const first = { resourceType: 'Bundle', type: 'searchset', meta: { tag: [{ relation: 'next', url: decoy }] }, link: [{ relation: 'next', url: real }], entry: [{ resource: observations[0] }] };
    const second = { resourceType: 'Bundle', type: 'searchset', link: [], entry: [{ resource: observations[1] }] };
    const server = fakeFhir({ base, resources: [], override: (u) => ({ status: 200, body: u.href === real ? second : u.href === decoy ? { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: observations[9] }] } : first }) });
    const get = createFhirGet({ fetch: server.fetch, timeoutMs: 1000 });
    const result = await searchAll(get, `${base}/Observation?patient=p1`, { signal, maxPages: 10, baseUrl: base });
    expect(result.resources.map((r) => r.id)).toEqual(['o0', 'o1']);
  });

  it('never asks early beyond the page limit', async () => {
    const server = fakeFhir({ base, resources: observations });
    const get = createFhirGet({ fetch: server.fetch, timeoutMs: 1000 });
    const result = await searchAll(get, `${base}/Observation?patient=p1&_count=10`, { signal, maxPages: 2, baseUrl: base });
    expect(result.truncated).toBe('more records than fhirside loads at once');
    expect(server.requests).toHaveLength(2);
  });
});
