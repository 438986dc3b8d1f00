import { describe, expect, it } from 'vitest';
import { runLookup, type LookupDeps, type LookupView } from '@/lib/lookup';
import { basicCapabilities, type Capabilities } from '@/lib/sources/capabilities';
import { NO_CHAINED_SEARCH } from '@/lib/sources/first-round';
import { knownCapabilities, sameStatement } from '@/lib/sources/known-capabilities';
import { memoryStore } from '@/lib/sources/key-value-store';
import type { SourceConfig } from '@/lib/sources/source-config';
import { fakeFhir } from '../fixtures/fake-fhir';
import { hollowayContext, hollowayPatient, hollowayResources, NHS, okaforContext } from '../fixtures';

const BASE = 'http://gp/fhir';
const source: SourceConfig = { id: 'gp', name: 'GP', fhirBaseUrl: BASE, auth: 'smart', clientId: 'c', scope: 's', identifierSystems: [NHS], pageSize: 2, timeoutMs: 1000 };
const withBatch: Capabilities = { ...basicCapabilities(), batch: true };

/**
 * A batch-taking source whose /metadata answer is held until the test releases it, so the test
 * can see what the look-up sends while the statement is still being read.
 */
function sourceReadingItsStatement(statementNow: Capabilities, batch = statementNow.batch) {
  const server = fakeFhir({ base: BASE, resources: [hollowayPatient, ...hollowayResources], batch });
  const sentBeforeStatement: string[] = [];
  let statementRead = false;
  let resolve: (capabilities: Capabilities) => void = () => undefined;
  const reading = new Promise<Capabilities>((r) => (resolve = r));
  const release = () => {
    statementRead = true;
    resolve(statementNow);
  };
  // The statement arrives once the look-up has sent what it can without it, or after a while.
  setTimeout(release, 20);
  const fetch: typeof globalThis.fetch = (input, init) => {
    if (!statementRead) sentBeforeStatement.push(`${init?.method ?? 'GET'} ${String(input)}`);
    queueMicrotask(release);
    return server.fetch(input, init);
  };
  const store = memoryStore();
  const deps: LookupDeps = {
    sources: [source],
    fetch,
    session: async () => async () => 'token',
    cache: { read: async () => undefined, readSources: async () => undefined, write: async () => undefined },
    now: () => 10,
    capabilities: new Map([['gp', reading]]),
    knownCapabilities: knownCapabilities(store),
  };
  return { server, deps, store, sentBeforeStatement };
}

async function lookUp(deps: LookupDeps): Promise<LookupView[]> {
  const views: LookupView[] = [];
  await runLookup(hollowayContext, deps, new AbortController().signal, (v) => views.push(v));
  return views;
}

describe('the first round trip built from what the source said earlier', () => {
  it('sends the Patient search and first screen while the statement is read again, and uses them when it is unchanged', async () => {
    const { deps, server, sentBeforeStatement } = sourceReadingItsStatement(withBatch);
    await deps.knownCapabilities!.write(source, withBatch);
    const views = await lookUp(deps);
    // The first screen's batch and the long tail's.
    expect(sentBeforeStatement).toEqual([`POST ${BASE}`, `POST ${BASE}`]);
    expect(views.at(-1)!.sources['gp']).toEqual({ state: 'done', resourceCount: 4 });
    expect(views.at(-1)!.live?.sections.allergies.map((r) => r.text)).toEqual(['Penicillin']);
    // The first round's answers were used: the Patient was never searched for on its own.
    expect(server.requests.some((u) => u.includes('/Patient?'))).toBe(false);
  });

  it('asks for the statement again only after the first round trip is on its way', async () => {
    const server = fakeFhir({ base: BASE, resources: [hollowayPatient, ...hollowayResources], batch: true });
    const sent: string[] = [];
    const store = memoryStore();
    const deps: LookupDeps = {
      sources: [source],
      fetch: (input, init) => {
        sent.push(`${init?.method ?? 'GET'} ${String(input)}`);
        return server.fetch(input, init);
      },
      session: async () => async () => 'token',
      cache: { read: async () => undefined, readSources: async () => undefined, write: async () => undefined },
      now: () => 10,
      capabilities: new Map(),
      knownCapabilities: knownCapabilities(store),
    };
    await deps.knownCapabilities!.write(source, withBatch);
    await lookUp(deps);
    expect(sent.slice(0, 3)).toEqual([`POST ${BASE}`, `POST ${BASE}`, `GET ${BASE}/metadata`]);
  });

  it('waits for the statement when none was read in this browser session', async () => {
    const { deps, sentBeforeStatement } = sourceReadingItsStatement(withBatch);
    await lookUp(deps);
    expect(sentBeforeStatement).toEqual([]);
  });

  it('does not use what was asked on a statement the source no longer makes, and asks again its way', async () => {
    // Earlier the source took batches; now it does not (the batch is refused), and says so.
    const { deps, server } = sourceReadingItsStatement(basicCapabilities(), false);
    await deps.knownCapabilities!.write(source, withBatch);
    const views = await lookUp(deps);
    expect(server.requests[0]).toBe(BASE);
    expect(server.requests.some((u) => u.includes('/Patient?identifier='))).toBe(true);
    expect(views.at(-1)!.sources['gp']).toEqual({ state: 'done', resourceCount: 4 });
    expect(views.at(-1)!.live?.sections.allergies.map((r) => r.text)).toEqual(['Penicillin']);
  });

  it('drops the first round’s answers when the statement changed though the batch was answered', async () => {
    // Same batch, but the statement now lists search parameters: requests are rebuilt from it.
    const now: Capabilities = { ...withBatch, searchParams: { AllergyIntolerance: ['patient', 'clinical-status'] } };
    const { deps, server } = sourceReadingItsStatement(now);
    await deps.knownCapabilities!.write(source, withBatch);
    const views = await lookUp(deps);
    expect(server.requests.some((u) => u.includes('/Patient?identifier='))).toBe(true);
    expect(views.at(-1)!.live?.sections.allergies.map((r) => r.text)).toEqual(['Penicillin']);
  });

  it('remembers for the next look-up what it learned by asking', async () => {
    const { deps } = sourceReadingItsStatement(withBatch);
    await lookUp(deps);
    const learned = (await deps.capabilities!.get('gp'))!.learned;
    learned.add(NO_CHAINED_SEARCH);
    await lookUp(deps);
    expect((await deps.knownCapabilities!.read(source))?.learned.has(NO_CHAINED_SEARCH)).toBe(true);
  });

  it('remembers the statement of a source that does not know this patient: the next patient may be one it knows', async () => {
    const { deps } = sourceReadingItsStatement(withBatch);
    const views: LookupView[] = [];
    await runLookup(okaforContext, deps, new AbortController().signal, (v) => views.push(v));
    expect(views.at(-1)!.sources['gp']).toEqual({ state: 'not-known' });
    expect((await deps.knownCapabilities!.read(source))?.batch).toBe(true);
  });
});

describe('knownCapabilities', () => {
  it('keeps a statement per source and base URL, with what was learned', async () => {
    const known = knownCapabilities(memoryStore(), () => 1000);
    await known.write(source, { ...withBatch, learned: new Set(['x']) });
    const read = await known.read(source);
    expect(read && sameStatement(read, withBatch)).toBe(true);
    expect([...read!.learned]).toEqual(['x']);
    expect(await known.read({ ...source, fhirBaseUrl: 'http://elsewhere/fhir' })).toBeUndefined();
  });

  it('forgets a statement after twelve hours, and ignores an entry it cannot read', async () => {
    let now = 0;
    const store = memoryStore();
    const known = knownCapabilities(store, () => now);
    await known.write(source, withBatch);
    now = 12 * 60 * 60 * 1000 + 1;
    expect(await known.read(source)).toBeUndefined();
    for (const key of await store.keys()) await store.set(key, { savedAt: now, statement: 'nonsense' });
    expect(await known.read(source)).toBeUndefined();
  });

  it('tells a changed statement from an unchanged one, whatever was learned', () => {
    expect(sameStatement(withBatch, { ...withBatch, learned: new Set(['y']) })).toBe(true);
    expect(sameStatement(withBatch, basicCapabilities())).toBe(false);
    expect(sameStatement(withBatch, { ...withBatch, patientOperations: { everything: true, summary: false } })).toBe(false);
  });
});
