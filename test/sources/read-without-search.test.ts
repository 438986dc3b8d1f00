// A source that grants a type `.r` (read by id) without `.s` (search), as SMART v2 scopes can:
// the look-up's search for it is refused with 403, and the panel's section says so in words
// (the same path as any refused type), never showing the section as if the patient had none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST, SOURCES } from '../../sandbox/config';
import { generateSourceResources } from '../../sandbox/data/generate';
import { ROSTER } from '../../sandbox/data/roster';
import { startFhirServer, type FhirServer } from '../../sandbox/fhir/server';
import { runLookup, type LookupDeps, type LookupView } from '@/lib/lookup';
import type { PatientContext } from '@/lib/context/patient-context';
import { NHS } from '../fixtures';

let server: FhirServer;
beforeAll(async () => {
  server = await startFhirServer({ source: SOURCES[0]!, host: HOST, port: 0, resources: generateSourceResources('gp'), authIssuer: 'http://127.0.0.1:18100' });
}, 60_000);
afterAll(() => server.close());

// A child with a full immunisation history at the GP.
const child = ROSTER.find((p) => p.key === 'p06')!;
const context: PatientContext = { key: `${NHS}|${child.nhsNumber}`, identifier: { system: NHS, value: child.nhsNumber }, birthDate: child.birthDate, origin: 'page', url: 'http://127.0.0.1:8110/patient/p06', detectedAt: 0 };

async function look(profile: string): Promise<LookupView> {
  server.setProfile(profile);
  const deps: LookupDeps = {
    sources: [{ id: 'gp', name: 'GP', fhirBaseUrl: server.baseUrl, auth: 'none', identifierSystems: [NHS], pageSize: 100, timeoutMs: 5000 }],
    fetch: (input, init) => fetch(input, init),
    session: async () => async () => 'token',
    cache: { read: async () => undefined, readSources: async () => undefined, write: async () => undefined },
    now: () => Date.parse('2026-12-02'),
  };
  const views: LookupView[] = [];
  await runLookup(context, deps, new AbortController().signal, (v) => views.push(v));
  return views.at(-1)!;
}

describe('a type granted read without search', () => {
  it('plain engine: the immunisations are listed', async () => {
    const view = await look('strict-standard');
    expect(view.live?.sections.immunizations.length).toBeGreaterThan(0);
    expect(view.live?.incomplete.immunizations).toBeUndefined();
  });

  it('read-without-search: the section says the source does not allow it, naming the scope, and nothing else is lost', async () => {
    const view = await look('read-without-search');
    expect(view.live?.sections.immunizations).toEqual([]);
    expect(view.live?.incomplete.immunizations).toMatch(/^GP: This source does not allow you to see this record \(Searching Immunization is not permitted: .*Immunization\.r/);
    // Counted as a failure, not as "the source has none".
    expect(view.live?.coverage?.['gp']?.immunizations).toMatchObject({ state: 'failed' });
    const gp = view.sources['gp'];
    expect(gp?.state).toBe('done');
    expect(gp?.state === 'done' ? gp.problems?.['Immunization'] : undefined).toMatch(/does not allow you to see this record/);
    expect(view.live?.sections.allergies.length).toBeGreaterThan(0);
  });
});
