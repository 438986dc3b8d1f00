/**
 * One look-up under the CPU profiler: `npx tsx bench/profile.ts [--patient p10] [--warm]`.
 * Builds an unminified copy (.output/profile), signs in, runs a cold look-up (and with --warm,
 * the return to the patient) with the panel sampled every 100 µs, writes the .cpuprofile to
 * bench/results/ and prints where the panel's time went, by file and by function.
 * `--wan` shapes the sources' links as the WAN scenarios do (bench/wan-links.ts) once signed in.
 * `--timeline` leaves the profiler off (it slows the panel several-fold) and prints only the marks
 * and the requests, for where the time goes between them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureChromium } from '../scripts/chromium';
import { DEMO_BUILD_COMMAND, launchWithExtension, openPanel, signInFromPanel, tabIdOf } from '../scripts/extension-browser';
import { startSandbox } from '../sandbox/world';
import { clearSavedSummaries, type BenchBrowser } from './browser';
import { runUnderE2eLock } from '../scripts/e2e-lock';
import { NetworkRecorder } from './network';
import { between, clearMarks, readMarks, waitForMark } from './panel';
import { WAN_LINKS } from './wan-links';
import { summariseProfile, timeline, type CpuProfile } from './profile-summary';

runUnderE2eLock();

const argv = process.argv.slice(2);
const key = argv.includes('--patient') ? (argv[argv.indexOf('--patient') + 1] ?? 'p10') : 'p10';
const warm = argv.includes('--warm');
const profiling = !argv.includes('--timeline');
const wan = argv.includes('--wan');
const outDir = resolve(import.meta.dirname, '../.output/profile/chrome-mv3-demo');
const resultsDir = resolve(import.meta.dirname, 'results');
mkdirSync(resultsDir, { recursive: true });

execFileSync('npx', [...DEMO_BUILD_COMMAND, '-c', 'bench/profile.wxt.config.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
const world = await startSandbox({ log: () => {}, profiles: { gp: 'strict-standard', acute: 'strict-standard', mh: 'strict-standard' } });
const browser = await launchWithExtension({ chromePath: ensureChromium(), headless: true, extensionDir: outDir });
try {
  const epr = await browser.context.newPage();
  const url = `${world.urls.epr1}/patient/${key}`;
  await epr.goto(url);
  const tabId = await tabIdOf(browser, epr.url());
  const first = await openPanel(browser, tabId);
  await signInFromPanel(browser, first);
  await first.waitForFunction(() => !document.querySelector('.source[data-state="loading"], .source[data-state="needs-sign-in"]'), undefined, { timeout: 120_000 });
  await first.close();
  const bench: BenchBrowser = { browser, epr, tabId, close: () => browser.close() };
  await clearSavedSummaries(bench);
  if (wan) world.setShaping(WAN_LINKS);
  world.takeServed();

  const panel = await browser.context.newPage();
  await panel.setViewportSize({ width: 420, height: 860 });
  const network = await NetworkRecorder.attach(browser.context, panel);
  const cdp = network.cdp;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const profileOnce = async (label: string, act: () => Promise<void>) => {
    if (profiling) await cdp.send('Profiler.start');
    await act();
    await waitForMark(panel, 'complete');
    const profile = profiling ? (await cdp.send('Profiler.stop')).profile : undefined;
    const marks = await readMarks(panel);
    console.log(`\n${key} ${label}: first screen ${between(marks, 'context', 'first-screen')?.toFixed(0)} ms, complete ${between(marks, 'context', 'complete')?.toFixed(0)} ms, cache ${between(marks, 'context', 'cache-rendered')?.toFixed(0) ?? '–'} ms`);
    if (profile) {
      writeFileSync(resolve(resultsDir, `${key}-${label}.cpuprofile`), JSON.stringify(profile));
      console.log(summariseProfile(profile as CpuProfile, marks));
    }
    // Marks are from the panel's time origin, which the timeline's first request (the panel page) is next to.
    console.log(`marks from the panel's start: ${Object.entries(marks).map(([name, at]) => `${name} ${at.toFixed(0)}`).join(', ')}`);
    console.log(await panel.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.startTime.toFixed(0)} ${m.name}`).join('\n')));
    console.log(timeline(network.requests()));
    const origin = await panel.evaluate(() => performance.timeOrigin);
    for (const r of world.takeServed()) console.log(`served ${r.link} ${(r.arrivedAt - origin).toFixed(0)} → ${(r.readyAt - origin).toFixed(0)} ${r.method} ${r.url.slice(0, 60)}`);
    network.reset();
  };
  await profileOnce('cold', () => panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`).then(() => undefined));
  if (warm) {
    await epr.goto('about:blank');
    await panel.waitForFunction(() => !document.querySelector('[data-patient]'));
    await clearMarks(panel);
    await profileOnce('warm', () => epr.goto(url).then(() => undefined));
  }
} finally {
  await browser.close();
  await world.close();
}
