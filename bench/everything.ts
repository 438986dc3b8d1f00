/**
 * `Patient/$everything` against the searches a look-up makes, on the same server and patients:
 * `npx tsx bench/everything.ts`. The R4 operation is one paged search, so the question is rounds,
 * server time and bytes, measured here on the sandbox's acute trust with `$everything` offered
 * (the `patient-everything` rule, nothing else of `hapi-like`), and each way's time over the WAN
 * scenario's 60 ms link worked out the floor's way (bench/floor.ts): round trips × RTT + server time
 * + gzipped bytes at 20 Mbit/s.
 *
 * The searches are asked as a cold look-up asks them (lib/sources/queries.ts, horizon included):
 * the Patient search and every search's first page in one round trip (chained by NHS number), then
 * each longer series page by page. `$everything` needs the Patient's id first, so it is a round
 * trip later, and it has no per-type horizon: its `start` bounds every type (a problem recorded six
 * years ago would go too), so it is asked whole.
 */
import { gzipSync } from 'node:zlib';
import { HOST, SOURCES } from '../sandbox/config';
import { generateSourceResources } from '../sandbox/data/generate';
import { startFhirServer } from '../sandbox/fhir/server';
import { ROSTER } from '../sandbox/data/roster';
import { patientQueries } from '../lib/sources/queries';
import type { SourceConfig } from '../lib/sources/source-config';
import { WAN_LINKS } from './wan-links';

interface Way {
  readonly rounds: number;
  readonly requests: number;
  readonly resources: number;
  readonly serverMs: number;
  readonly gzipKb: number;
}

const link = WAN_LINKS.acute;
const acute = SOURCES.find((s) => s.id === 'acute')!;
const server = await startFhirServer({ source: acute, host: HOST, port: 0, resources: generateSourceResources('acute'), authIssuer: 'http://127.0.0.1:18100' });
server.setProfile('patient-everything');
const config: SourceConfig = { id: 'acute', name: 'Acute', fhirBaseUrl: server.baseUrl, auth: 'none', identifierSystems: [], pageSize: 100, timeoutMs: 60_000 };

/** One request on loopback: its server time (first byte), its resources and its gzipped size. */
async function ask(url: string): Promise<{ ms: number; body: { entry?: { resource?: { resourceType?: string } }[]; link?: { relation: string; url: string }[] }; gzip: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { Accept: 'application/fhir+json' } });
  const text = await response.text();
  const ms = performance.now() - started;
  return { ms, body: JSON.parse(text), gzip: gzipSync(text, { level: 1 }).length };
}

/** Follows a search to its end; pages are sequential rounds. */
async function walk(url: string): Promise<{ pages: number; resources: number; ms: number; gzip: number }> {
  let next: string | undefined = url;
  let pages = 0, resources = 0, ms = 0, gzip = 0;
  while (next) {
    const page = await ask(next);
    pages++;
    ms += page.ms;
    gzip += page.gzip;
    resources += (page.body.entry ?? []).filter((e) => e.resource?.resourceType !== 'Patient').length;
    next = page.body.link?.find((l) => l.relation === 'next')?.url;
  }
  return { pages, resources, ms, gzip };
}

async function searches(patientId: string): Promise<Way> {
  const queries = patientQueries(config, patientId, Date.now());
  // One after another, so each request's time is its own server time, not a wait behind the others.
  const walks: Awaited<ReturnType<typeof walk>>[] = [];
  for (const q of queries) walks.push(await walk(`${server.baseUrl}/${q.url}`));
  const patient = await ask(`${server.baseUrl}/Patient?_id=${patientId}`);
  // First pages travel together in the first round trip; each further page of the longest is one more.
  const rounds = 1 + Math.max(...walks.map((w) => w.pages - 1));
  return {
    rounds,
    requests: 3 + walks.reduce((n, w) => n + w.pages - 1, 0),
    resources: walks.reduce((n, w) => n + w.resources, 0),
    serverMs: patient.ms + walks.reduce((n, w) => n + w.ms, 0),
    gzipKb: (patient.gzip + walks.reduce((n, w) => n + w.gzip, 0)) / 1024,
  };
}

async function everything(patientId: string): Promise<Way> {
  const patient = await ask(`${server.baseUrl}/Patient?_id=${patientId}`);
  const all = await walk(`${server.baseUrl}/Patient/${patientId}/$everything?_count=1000`);
  return { rounds: 1 + all.pages, requests: 1 + all.pages, resources: all.resources, serverMs: patient.ms + all.ms, gzipKb: (patient.gzip + all.gzip) / 1024 };
}

const wanMs = (way: Way) => way.rounds * link.rttMs + way.serverMs + (way.gzipKb * 1024 * 8) / (link.mbitPerS * 1000);
const row = (label: string, w: Way) =>
  `  ${label.padEnd(12)} ${String(w.rounds).padStart(6)} ${String(w.requests).padStart(8)} ${String(w.resources).padStart(9)} ${w.serverMs.toFixed(0).padStart(9)} ms ${w.gzipKb.toFixed(0).padStart(6)} KB ${wanMs(w).toFixed(0).padStart(7)} ms`;

try {
  for (const key of ['p11', 'p10']) {
    const person = ROSTER.find((p) => p.key === key)!;
    const id = `${key}-acute`;
    // Each way once unmeasured, so the server's search cache is warm for both alike; then the median of five.
    await searches(id);
    await everything(id);
    const median = async (measure: () => Promise<Way>) => {
      const runs: Way[] = [];
      for (let i = 0; i < 5; i++) runs.push(await measure());
      return runs.sort((a, b) => wanMs(a) - wanMs(b))[2]!;
    };
    const [s, e] = [await median(() => searches(id)), await median(() => everything(id))];
    console.log(`${key} ${person.given} ${person.family} at the acute trust (60 ms, 20 Mbit/s):`);
    console.log('               rounds requests resources    server   bytes(gz)  on the WAN');
    console.log(row('searches', s));
    console.log(row('$everything', e));
  }
} finally {
  await server.close();
}
