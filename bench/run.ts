/**
 * `npm run bench`: the built extension in headless Chromium against the sandbox, every scenario
 * run N times, baselines in the same browser; a table on stdout and JSON in bench/results/.
 * Takes the end-to-end lock (fixed ports, one .output build) so it never overlaps `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureChromium } from '../scripts/chromium';
import { DEMO_BUILD_COMMAND, EXTENSION_DIR } from '../scripts/extension-browser';
import { DEFAULT_SOURCES } from '../lib/config/defaults';
import { startSandbox } from '../sandbox/world';
import { baselineTokens } from './baselines/run-baseline';
import { startBenchBrowser } from './browser';
import { loadedGzip, sidePanelBundle } from './bundle-size';
import { parseArgs } from './cli';
import { runUnderE2eLock } from '../scripts/e2e-lock';
import { describeMachine } from './machine';
import { formatTable, saveResults, type ResultRow } from './report';
import { DEFAULT_HORIZON_DAYS, NO_HORIZON_DAYS, SCENARIOS } from './scenarios/catalogue';
import type { ColdRun } from './scenarios/lookup';

runUnderE2eLock();

const args = parseArgs(process.argv.slice(2));
const log = (line: string) => console.error(line);
const selected = SCENARIOS.filter((s) => (args.scenarios.length ? args.scenarios.includes(s.name) : !args.smoke || s.smoke));
const unknown = args.scenarios.filter((n) => !SCENARIOS.some((s) => s.name === n));
if (unknown.length) {
  console.error(`Unknown scenario ${unknown.join(', ')}; there are ${SCENARIOS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const chromePath = ensureChromium(log);
if (args.build) execFileSync('npx', [...DEMO_BUILD_COMMAND], { stdio: ['ignore', 'ignore', 'inherit'] });
const bundle = sidePanelBundle(EXTENSION_DIR);

const started = Date.now();
const world = await startSandbox({ log: () => {}, profiles: { gp: 'strict-standard', acute: 'strict-standard', mh: 'strict-standard' } });
const bench = await startBenchBrowser(chromePath, `${world.urls.epr1}/patient/p11`);
const rows: ResultRow[] = [];
const raw: Record<string, unknown> = {};
try {
  const tokens = await baselineTokens(world.urls.auth);
  const bases = Object.fromEntries(DEFAULT_SOURCES.map((s) => [s.id, s.fhirBaseUrl]));
  for (const scenario of selected) {
    log(`${scenario.name}: ${scenario.description}`);
    const result = await scenario.run({ bench, world, bases, tokens, runs: args.runs, smoke: args.smoke, outDir: EXTENSION_DIR, log });
    rows.push(...result.rows);
    raw[scenario.name] = result.raw;
  }
} finally {
  await bench.close();
  await world.close();
}

// What the panel really loaded for a look-up, beside what its HTML asks for up front.
const firstCold = Object.values(raw).map((r) => (r as { cold?: ColdRun[] }).cold?.[0]).find(Boolean);
const loaded = firstCold ? loadedGzip(EXTENSION_DIR, firstCold.scripts) : undefined;
const kb = (n: number) => ({ median: n / 1024, min: n / 1024, max: n / 1024, n: 1 });
rows.push(
  { scenario: 'build', metric: 'side-panel JS loaded for a look-up (gzip)', ...(loaded === undefined ? {} : { spread: kb(loaded) }), unit: 'KB', digits: 1, note: firstCold ? firstCold.scripts.map((s) => s.replace('/chunks/', '')).join(', ') : 'no look-up ran' },
  { scenario: 'build', metric: 'side-panel JS up front (gzip)', spread: kb(bundle.initialGzip), unit: 'KB', digits: 1, note: `lazy chunks ${(bundle.lazyGzip / 1024).toFixed(1)} KB` },
);

const result = {
  date: new Date().toISOString(),
  args,
  machine: describeMachine(chromePath),
  observationHorizonDays: { default: DEFAULT_HORIZON_DAYS, noHorizon: NO_HORIZON_DAYS },
  wallSeconds: Math.round((Date.now() - started) / 1000),
  bundle,
  rows,
  raw,
};
const path = saveResults(resolve(import.meta.dirname, 'results'), result);
console.log(formatTable(rows));
console.log(`\nObservation horizon ${DEFAULT_HORIZON_DAYS} days unless the scenario says otherwise; ${args.runs} run(s) each; ${result.wallSeconds} s. JSON: ${path}`);
