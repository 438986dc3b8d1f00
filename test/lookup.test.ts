import { basicCapabilities } from '@/lib/sources/capabilities';
import { describe, expect, it } from 'vitest';
import { runLookup, type CachedLookup, type LookupDeps, type LookupView } from '@/lib/lookup';
import type { SourceConfig } from '@/lib/sources/source-config';
import { fakeFhir } from './fixtures/fake-fhir';
import { hollowayContext, hollowayPatient, hollowayResources, NHS, okaforContext } from './fixtures';

const source = (id: string, base: string): SourceConfig => ({
  id, name: id, fhirBaseUrl: base, auth: 'smart', clientId: 'c', scope: 's', identifierSystems: [NHS], pageSize: 2, timeoutMs: 1000,
});

function deps(overrides: Partial<LookupDeps> = {}): LookupDeps & { saved: Map<string, CachedLookup>; gpRequests: string[] } {
  const gp = fakeFhir({ base: 'http://gp/fhir', resources: [hollowayPatient, ...hollowayResources] });
  const saved = new Map<string, CachedLookup>();
  return {
    sources: [source('gp', 'http://gp/fhir')],
    fetch: gp.fetch,
    session: async () => async () => 'token',
    cache: {
      read: async (key) => (saved.has(key) ? { value: saved.get(key)!.summary, savedAt: 5 } : undefined),
      readSources: async (key) => saved.get(key)?.sources,
      write: async (key, value) => void saved.set(key, value),
    },
    now: () => 10,
    saved,
    gpRequests: gp.requests,
    ...overrides,
  };
}

async function run(d: LookupDeps, signal = new AbortController().signal): Promise<LookupView[]> {
  const views: LookupView[] = [];
  await runLookup(hollowayContext, d, signal, (v) => views.push(v));
  return views;
}

describe('one look-up end to end', () => {
  it("fetches the patient's allergies, problems and medicines across pages and saves them", async () => {
    const d = deps();
    const views = await run(d);
    const last = views.at(-1)!;
    expect(last.complete).toBe(true);
    expect(last.sources['gp']).toEqual({ state: 'done', resourceCount: 4 });
    expect(last.live?.sections.allergies.map((r) => r.text)).toEqual(['Penicillin']);
    expect(last.live?.sections.medications.map((r) => r.text)).toEqual(['Letrozole 2.5mg tablets']);
    expect(d.saved.get(hollowayContext.key)?.summary.banner.family).toBe('Holloway');
  });

  it('shows the saved copy first on a second look', async () => {
    const d = deps();
    await run(d);
    const views = await run(d);
    expect(views.find((v) => v.cached)?.cached?.value.banner.family).toBe('Holloway');
  });

  it('draws the saved first-screen copy first, then the whole saved summary in its place', async () => {
    const d = deps();
    await run(d);
    const whole = d.saved.get(hollowayContext.key)!.summary;
    const firstScreen = { ...whole, banner: { ...whole.banner, given: 'first-screen copy' } };
    const views = await run({ ...d, cache: { ...d.cache, read: async () => ({ value: firstScreen, savedAt: 5, whole: async () => whole }) } });
    const drawn = views.map((v) => v.cached?.value).filter((v, i, all) => v && v !== all[i - 1]);
    expect(drawn).toEqual([firstScreen, whole]);
  });

  it('is complete once all of it is on screen, and says afterwards when it could not be saved', async () => {
    const order: string[] = [];
    const d = deps();
    const failingWrite: LookupDeps['cache'] = {
      ...d.cache,
      write: async () => {
        order.push('save started');
        throw Object.assign(new Error('disk full'), { name: 'CacheFullError' });
      },
    };
    const views: LookupView[] = [];
    await runLookup(hollowayContext, { ...d, cache: failingWrite }, new AbortController().signal, (v) => {
      if (v.complete && !order.includes('complete')) order.push('complete');
      views.push(v);
    });
    expect(order).toEqual(['complete', 'save started']);
    expect(views.at(-1)).toMatchObject({ complete: true, cacheProblem: 'The browser has no room to save this summary for next time' });
    expect(views.at(-1)!.live?.sections.allergies.map((r) => r.text)).toEqual(['Penicillin']);
  });

  it('reads the saved raw records only after the saved summary is out, and only when there is one', async () => {
    const d = deps();
    await run(d);
    const order: string[] = [];
    const views: LookupView[] = [];
    const cache: LookupDeps['cache'] = {
      ...d.cache,
      readSources: async (key) => {
        order.push(`records read (summary shown: ${views.some((v) => v.cached)})`);
        return d.cache.readSources(key);
      },
    };
    await runLookup(hollowayContext, { ...d, cache, now: () => 20 }, new AbortController().signal, (v) => views.push(v));
    expect(order).toEqual(['records read (summary shown: true)']);
    order.length = 0;
    await runLookup(okaforContext, { ...d, cache }, new AbortController().signal, () => undefined);
    expect(order).toEqual([]);
  });

  it('asks for sign-in instead of failing when a source has no session', async () => {
    const views = await run(deps({ session: async () => undefined }));
    expect(views.at(-1)!.sources['gp']).toEqual({ state: 'needs-sign-in' });
  });

  it('keeps the saved copy when a source fails, and says why', async () => {
    const d = deps();
    await run(d);
    const before = d.saved.get(hollowayContext.key);
    const broken = fakeFhir({ base: 'http://gp/fhir', resources: [], override: () => ({ status: 500, body: '' }) });
    const views = await run({ ...d, fetch: broken.fetch });
    expect(views.at(-1)!.sources['gp']).toEqual({ state: 'error', message: 'The source had an internal error (HTTP 500)' });
    expect(d.saved.get(hollowayContext.key)).toBe(before);
  });

  it('says nothing more once the clinician has moved to another patient', async () => {
    const controller = new AbortController();
    const views: LookupView[] = [];
    const d = deps({
      session: async () => {
        controller.abort();
        return async () => 'token';
      },
    });
    await runLookup(hollowayContext, d, controller.signal, (v) => views.push(v));
    expect(views.every((v) => !v.complete && !v.live)).toBe(true);
    expect(d.saved.size).toBe(0);
  });

  it('revalidates a recent saved copy by asking only for changes and counts', async () => {
    const d = deps();
    await run(d);
    d.gpRequests.length = 0;
    const views = await run({ ...d, now: () => 20 });
    expect(views.at(-1)!.sources['gp']).toMatchObject({ state: 'done' });
    const searches = d.gpRequests.filter((u) => !u.includes('/Patient?') && !u.endsWith('/metadata'));
    expect(searches.length).toBeGreaterThan(0);
    expect(searches.every((u) => u.includes('_lastUpdated=gt') || u.includes('_summary=count'))).toBe(true);
    expect(views.at(-1)!.live?.sections.allergies.map((r) => r.text)).toEqual(['Penicillin']);
  });

  it('revalidates in one batch request per source where the server takes batches', async () => {
    const server = fakeFhir({ base: 'http://gp/fhir', resources: [hollowayPatient, ...hollowayResources], batch: true });
    const d = deps({ fetch: server.fetch, capabilities: new Map([['gp', Promise.resolve({ ...basicCapabilities(), batch: true })]]) });
    await run(d);
    server.requests.length = 0;
    const views = await run({ ...d, now: () => 20 });
    expect(server.requests).toEqual(['http://gp/fhir']);
    expect(views.at(-1)!.sources['gp']).toMatchObject({ state: 'done', resourceCount: 4 });
    expect(views.at(-1)!.live?.sections.allergies.map((r) => r.text)).toEqual(['Penicillin']);
  });

  it('fetches a type in full again when its count shows something was deleted', async () => {
    const resources = [hollowayPatient, ...hollowayResources];
    const server = fakeFhir({ base: 'http://gp/fhir', resources });
    const d = deps({ fetch: server.fetch });
    await run(d);
    resources.splice(resources.findIndex((r) => r.id === 'c2'), 1); // the resolved UTI is deleted at the source
    server.requests.length = 0;
    const views = await run({ ...d, now: () => 20 });
    expect(views.at(-1)!.live?.sections.problems.map((r) => r.text)).toEqual(['Carcinoma of left breast']);
    expect(server.requests.some((u) => u.includes('/Condition?') && !u.includes('_lastUpdated') && !u.includes('_summary'))).toBe(true);
  });

  it('marks sections live one by one, first screen before the long tail', async () => {
    const views = await run(deps());
    const firstScreenOnly = views.find((v) => ['allergies', 'problems', 'medications', 'alerts'].every((s) => v.liveSections?.includes(s as never)) && !v.liveSections?.includes('results'));
    expect(firstScreenOnly?.liveSections).toEqual(expect.arrayContaining(['allergies', 'problems', 'medications', 'alerts']));
    expect(views.at(-1)!.liveSections).toEqual(expect.arrayContaining(['allergies', 'results', 'vitals', 'imaging', 'documents']));
  });

  it("draws a batch's answers together: no view holds one first-screen section without the others", async () => {
    const server = fakeFhir({ base: 'http://gp/fhir', resources: [hollowayPatient, ...hollowayResources], batch: true });
    const views = await run(deps({ fetch: server.fetch, capabilities: new Map([['gp', Promise.resolve({ ...basicCapabilities(), batch: true })]]) }));
    const firstScreen = ['allergies', 'problems', 'medications', 'alerts'] as const;
    const partial = views.filter((v) => firstScreen.some((s) => v.liveSections?.includes(s)) && !firstScreen.every((s) => v.liveSections?.includes(s)));
    expect(partial).toEqual([]);
    // One summary for the first-screen batch, one for the long tail's: not one per search.
    expect(new Set(views.map((v) => v.live).filter(Boolean)).size).toBeLessThanOrEqual(3);
    expect(views.at(-1)!.live?.sections.allergies.map((r) => r.text)).toEqual(['Penicillin']);
  });

  it("asks for each source's session while the saved copy is still being read", async () => {
    const order: string[] = [];
    const d = deps({
      session: async () => {
        order.push('session asked');
        return async () => 'token';
      },
    });
    const read = d.cache.read;
    const cache: LookupDeps['cache'] = {
      ...d.cache,
      read: async (key) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push('saved copy read');
        return read(key);
      },
    };
    await runLookup(hollowayContext, { ...d, cache }, new AbortController().signal, () => undefined);
    expect(order).toEqual(['session asked', 'saved copy read']);
  });

  it('asks the sources without waiting for the saved-copy read when no copy is known to be here, and draws one found all the same', async () => {
    const d = deps();
    await run(d);
    const order: string[] = [];
    let release: () => void = () => undefined;
    const readHeld = new Promise<void>((resolve) => (release = resolve));
    const fetch: typeof globalThis.fetch = (input, init) => {
      order.push('request');
      release(); // the read answers only once the sources have been asked
      return d.fetch(input, init);
    };
    const cache: LookupDeps['cache'] = {
      ...d.cache,
      holds: async () => false,
      read: async (key) => {
        await readHeld;
        order.push('saved copy read');
        return { value: d.saved.get(key)!.summary, savedAt: 5 };
      },
    };
    const views: LookupView[] = [];
    // Slow sources: the look-up is not complete when the copy arrives, so the copy is drawn.
    const slow: typeof globalThis.fetch = (input, init) => new Promise((resolve) => setTimeout(() => resolve(fetch(input, init)), 20));
    await runLookup(hollowayContext, { ...d, fetch: slow, cache, now: () => 20 }, new AbortController().signal, (v) => views.push(v));
    expect(order[0]).toBe('request');
    expect(order).toContain('saved copy read');
    expect(views.some((v) => v.cached?.value.banner.family === 'Holloway')).toBe(true);
    // Fetched whole, not revalidated: nothing here said a copy was saved.
    expect(d.gpRequests.some((u) => u.includes('_lastUpdated=gt'))).toBe(false);
    expect(views.at(-1)!.live?.sections.allergies.map((r) => r.text)).toEqual(['Penicillin']);
  });

  it('waits for the saved-copy read, and revalidates, when a copy is known to be here', async () => {
    const d = deps();
    await run(d);
    d.gpRequests.length = 0;
    const views = await run({ ...d, cache: { ...d.cache, holds: async () => true }, now: () => 20 });
    expect(views.find((v) => v.cached)).toBeDefined();
    expect(d.gpRequests.filter((u) => !u.includes('/Patient?') && !u.endsWith('/metadata')).every((u) => u.includes('_lastUpdated=gt') || u.includes('_summary=count'))).toBe(true);
  });

  it('does not draw a copy read after every source has answered in full', async () => {
    const d = deps();
    await run(d);
    let readDone: () => void = () => undefined;
    const late = new Promise<void>((resolve) => (readDone = resolve));
    const views: LookupView[] = [];
    const cache: LookupDeps['cache'] = {
      ...d.cache,
      holds: async () => false,
      read: async (key) => {
        await late;
        return { value: d.saved.get(key)!.summary, savedAt: 5 };
      },
    };
    await runLookup(hollowayContext, { ...d, cache }, new AbortController().signal, (v) => views.push(v));
    expect(views.at(-1)!.complete).toBe(true);
    readDone();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(views.some((v) => v.cached)).toBe(false);
  });

  it('draws a copy read late when a source could not answer: what was saved is not lost', async () => {
    const d = deps();
    await run(d);
    let readDone: () => void = () => undefined;
    const late = new Promise<void>((resolve) => (readDone = resolve));
    const views: LookupView[] = [];
    const cache: LookupDeps['cache'] = {
      ...d.cache,
      holds: async () => false,
      read: async (key) => {
        await late;
        return { value: d.saved.get(key)!.summary, savedAt: 5 };
      },
    };
    const down: typeof globalThis.fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await runLookup(hollowayContext, { ...d, fetch: down, cache }, new AbortController().signal, (v) => views.push(v));
    expect(views.at(-1)).toMatchObject({ complete: true, sources: { gp: { state: 'error' } } });
    readDone();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(views.at(-1)!.cached?.value.banner.family).toBe('Holloway');
  });

  it('never counts a section as live while a source that failed it holds it back', async () => {
    const forbidden = fakeFhir({
      base: 'http://gp/fhir',
      resources: [hollowayPatient, ...hollowayResources],
      override: (u) => (u.pathname.endsWith('/Condition') ? { status: 403, body: '' } : undefined),
    });
    const views = await run(deps({ fetch: forbidden.fetch }));
    expect(views.at(-1)!.liveSections).not.toContain('problems');
    expect(views.at(-1)!.liveSections).toContain('allergies');
    expect(views.at(-1)!.live?.incomplete.problems).toContain('does not allow you to see this record');
  });
});
