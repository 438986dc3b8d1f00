import { describe, expect, it } from 'vitest';
import { createFhirGet } from '@/lib/sources/fhir-http';
import { prefetched } from '@/lib/sources/prefetch';
import { fakeFhir } from '../fixtures/fake-fhir';
import { hollowayPatient, hollowayResources } from '../fixtures';

const base = 'http://gp.test/fhir';
const signal = new AbortController().signal;
const allergies = `${base}/AllergyIntolerance?patient=p01-gp&_count=10`;
const conditions = `${base}/Condition?patient=p01-gp&_count=10`;

describe('many searches in one round trip', () => {
  it('asks them as one batch and answers each once from it', async () => {
    const server = fakeFhir({ base, resources: [hollowayPatient, ...hollowayResources], batch: true });
    const get = await prefetched(createFhirGet({ fetch: server.fetch, timeoutMs: 1000 }), base, [allergies, conditions], signal);
    expect(server.requests).toEqual([base]);
    const answer = (await get(conditions, signal)) as { entry: unknown[] };
    expect(answer.entry).toHaveLength(2);
    expect(server.requests).toEqual([base]);
    // A second ask of the same search, or any other, goes to the server.
    await get(conditions, signal);
    expect(server.requests).toEqual([base, conditions]);
  });

  it('sends every search on its own when the server refuses batches', async () => {
    const server = fakeFhir({ base, resources: [hollowayPatient, ...hollowayResources] });
    const get = await prefetched(createFhirGet({ fetch: server.fetch, timeoutMs: 1000 }), base, [allergies], signal);
    const answer = (await get(allergies, signal)) as { entry: unknown[] };
    expect(answer.entry).toHaveLength(1);
    expect(server.requests).toEqual([base, allergies]);
  });

  it('asks a search again on its own when its batch entry failed, so its error is reported as usual', async () => {
    const server = fakeFhir({ base, resources: [hollowayPatient, ...hollowayResources] });
    const requests: string[] = [];
    // A server whose batch answers the first entry and refuses the second.
    const fetchImpl = (async (input: string, init?: RequestInit) => {
      requests.push(input);
      if (init?.method !== 'POST') return new Response('', { status: 403 });
      const page = await (await server.fetch(allergies)).json();
      const entry = [{ resource: page, response: { status: '200 OK' } }, { response: { status: '403 Forbidden' } }];
      return new Response(JSON.stringify({ resourceType: 'Bundle', type: 'batch-response', entry }), { status: 200 });
    }) as typeof fetch;
    const get = await prefetched(createFhirGet({ fetch: fetchImpl, timeoutMs: 1000 }), base, [allergies, conditions], signal);
    expect(((await get(allergies, signal)) as { entry: unknown[] }).entry).toHaveLength(1);
    await expect(get(conditions, signal)).rejects.toThrow(/HTTP 403|not allow/);
    expect(requests).toEqual([base, conditions]);
  });
});
