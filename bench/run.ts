/**
 * `npm run bench`: the built extension in headless Chromium against the sandbox, every scenario
 * run N times, baselines in the same browser; a table on stdout and JSON in bench/results/.
 * Takes the end-to-end lock (fixed ports, one .output build) so it never overlaps `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
import { NOISY_SHARE, startLoadSampler } from './load';
import { isNoisy, loadRow } from './load-row';
import { formatTable, saveResults, type ResultRow } from './report';
import { single } from './stats';
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
// Sampled from here (the lock is ours): other engineers' builds and tests show up as others' CPU.
const load = startLoadSampler();
const runStart = load.mark();
const loadAverage = () => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').trim();
  } catch {
    return 'unknown';
  }
};
const loadAverages: Record<string, { before: string; after?: string }> = {};
const noisy: string[] = [];
const world = await startSandbox({ log: () => {}, profiles: { gp: 'strict-standard', acute: 'strict-standard', mh: 'strict-standard' } });
const bench = await startBenchBrowser(chromePath, `${world.urls.epr1}/patient/p11`);
const rows: ResultRow[] = [];
const raw: Record<string, unknown> = {};
try {
  const tokens = await baselineTokens(world.urls.auth);
  const bases = Object.fromEntries(DEFAULT_SOURCES.map((s) => [s.id, s.fhirBaseUrl]));
  for (const scenario of selected) {
    log(`${scenario.name}: ${scenario.description}`);
    loadAverages[scenario.name] = { before: loadAverage() };
    const from = load.mark();
    const result = await scenario.run({ bench, world, bases, tokens, runs: args.runs, smoke: args.smoke, outDir: EXTENSION_DIR, log });
    const shares = load.between(from, load.mark());
    loadAverages[scenario.name]!.after = loadAverage();
    rows.push(...result.rows, loadRow(scenario.name, shares.intervals, shares.overall));
    if (isNoisy(shares.overall)) noisy.push(scenario.name);
    raw[scenario.name] = { ...(result.raw as object), load: shares };
  }
} finally {
  await bench.close();
  await world.close();
}

// What the panel really loaded for a look-up, beside what its HTML asks for up front.
const firstCold = Object.values(raw).map((r) => (r as { cold?: ColdRun[] }).cold?.[0]).find(Boolean);
const loaded = firstCold ? loadedGzip(EXTENSION_DIR, firstCold.scripts) : undefined;
const kb = (n: number) => single(n / 1024);
rows.push(
  { scenario: 'build', metric: 'side-panel JS loaded for a look-up (gzip)', ...(loaded === undefined ? {} : { spread: kb(loaded) }), unit: 'KB', digits: 1, note: firstCold ? firstCold.scripts.map((s) => s.replace('/chunks/', '')).join(', ') : 'no look-up ran' },
  { scenario: 'build', metric: 'side-panel JS up front (gzip)', spread: kb(bundle.initialGzip), unit: 'KB', digits: 1, note: `lazy chunks ${(bundle.lazyGzip / 1024).toFixed(1)} KB` },
);

const whole = load.between(runStart, load.mark());
load.stop();
rows.push(loadRow('machine', whole.intervals, whole.overall));

const result = {
  date: new Date().toISOString(),
  args,
  machine: describeMachine(chromePath),
  observationHorizonDays: { default: DEFAULT_HORIZON_DAYS, noHorizon: NO_HORIZON_DAYS },
  wallSeconds: Math.round((Date.now() - started) / 1000),
  load: { noisyShare: NOISY_SHARE, overall: whole.overall, noisyScenarios: noisy, loadAverages },
  bundle,
  rows,
  raw,
};
const path = saveResults(resolve(import.meta.dirname, 'results'), result);
console.log(formatTable(rows));
const pct = (x = 0) => `${Math.round(x * 100)} %`;
console.log(
  `\nMachine load: other processes used ${pct(whole.overall?.others)} of the machine's CPU over the run (this bench ${pct(whole.overall?.ours)}); ` +
    (noisy.length ? `NOISY (others above ${pct(NOISY_SHARE)}): ${noisy.join(', ')}: read their figures as taken on a busy machine.` : `no scenario above ${pct(NOISY_SHARE)}.`),
);
console.log('p95 is nearest-rank over the runs (with fewer than 20, the slowest); ratios are of medians within this run.');
console.log(`\nObservation horizon ${DEFAULT_HORIZON_DAYS} days unless the scenario says otherwise; ${args.runs} run(s) each; ${result.wallSeconds} s. JSON: ${path}`);
