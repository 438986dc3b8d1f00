/**
 * Rapid patient switching on the single-page EPR: the clinician clicks through patients faster
 * than the sources answer. Measured: EPR route change → the old patient gone from the panel, and
 * whether any moment showed two patients at once (the wrong-patient rule).
 */
import { ROSTER } from '../../sandbox/data/roster';
import type { BenchBrowser } from '../browser';
import { patientKey } from '../browser';
import { openRecordedPanel, waitForMark } from '../panel';
import { spread } from '../stats';
import type { Scenario } from './context';

/**
 * Logs every change of the set of patients on the panel with its time, in `window.switchLog`.
 * A string, evaluated as it stands: the bench's TypeScript loader would add helpers to a function.
 */
const RECORD_PATIENTS_SHOWN = `(() => {
  const log = [];
  const record = () => {
    const shown = [...new Set([...document.querySelectorAll('[data-patient]')].map((e) => e.getAttribute('data-patient') || ''))];
    const previous = log.length ? log[log.length - 1][1] : undefined;
    if (!previous || previous.join() !== shown.join()) log.push([performance.timeOrigin + performance.now(), shown]);
  };
  record();
  new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-patient'] });
  window.switchLog = log;
})()`;

export interface SwitchRun {
  /** Per switch: EPR route change → no element of the previous patient left in the panel, ms. */
  readonly clearMs: readonly number[];
  /** Per switch: EPR route change → the panel's look-up for the new patient starts (context mark), ms. */
  readonly contextMs: readonly number[];
  /** Moments the panel held elements of two patients at once (must be 0). */
  readonly mixedMoments: number;
  /** Last switch → the last patient's look-up complete, ms. */
  readonly settleMs?: number;
  /** Per switch, ms from the route change to each process hop (hop marks: lib/platform/hop-mark.ts). */
  readonly hops: {
    /** The background has the page's report. */
    readonly reportReceived: readonly number[];
    /** The background has published the tab's answer (on the page's report, or on the tab's URL change before it). */
    readonly published: readonly number[];
    /** The panel has received the tab's answer. */
    readonly delivered: readonly number[];
  };
}

/** Epoch ms of every mark of `name` in a page or worker (the same clock across the browser's processes); a string, as above. */
const markTimes = (name: string) => `performance.getEntriesByName(${JSON.stringify(name)}).map((m) => performance.timeOrigin + m.startTime)`;

/**
 * Switches through `nhsNumbers` on EPR 2, `gapMs` apart, starting from the first.
 * @param epr2 - EPR 2's origin
 */
export async function rapidSwitching(bench: BenchBrowser, epr2: string, nhsNumbers: readonly string[], gapMs: number): Promise<SwitchRun> {
  const [first, ...rest] = nhsNumbers;
  if (!first) throw new Error('no patients to switch between');
  await bench.epr.goto(`${epr2}/app/patient/${first}`);
  const panel = await openRecordedPanel(bench);
  try {
    await waitForMark(panel.page, 'complete');
    // Every change of the set of patients on screen, with its time.
    // Times are epoch ms (timeOrigin + now): comparable across the pages of one browser.
    await panel.page.evaluate(RECORD_PATIENTS_SHOWN);
    const switchedAt: number[] = [];
    for (const nhs of rest) {
      await new Promise((resolve) => setTimeout(resolve, gapMs));
      switchedAt.push(
        await bench.epr.evaluate((path) => {
          const at = performance.timeOrigin + performance.now();
          history.pushState(null, '', path);
          dispatchEvent(new PopStateEvent('popstate'));
          return at;
        }, `/app/patient/${nhs}`),
      );
    }
    // Settled: the last patient's banner is up and no source is still loading.
    const lastKey = patientKey(rest[rest.length - 1] ?? first);
    await panel.page.waitForFunction(
      (key) => Boolean(document.querySelector(`.banner[data-patient="${key}"]`)) && !document.querySelector('.source[data-state="loading"]'),
      lastKey,
      { timeout: 120_000, polling: 20 },
    );
    const settledAt = await panel.page.evaluate(() => performance.timeOrigin + performance.now());
    const log = await panel.page.evaluate(() => (window as unknown as { switchLog: [number, string[]][] }).switchLog);

    const keys = [first, ...rest].map(patientKey);
    const clearMs = switchedAt.map((t0, i) => {
      const old = keys[i]!;
      const cleared = log.find(([t, shown]) => t >= t0 && !shown.includes(old));
      return cleared ? cleared[0] - t0 : Number.NaN;
    });
    const contexts = await panel.page.evaluate(() => performance.getEntriesByName('fhirside:context').map((m) => performance.timeOrigin + m.startTime));
    const contextMs = switchedAt.map((t0) => (contexts.find((t) => t >= t0) ?? Number.NaN) - t0);
    const mixedMoments = log.filter(([, shown]) => shown.length > 1).length;
    // Each hop's first mark after the switch (and before the next one): where the switch's time went.
    const background = bench.browser.context.serviceWorkers()[0];
    const inBackground = async (name: string): Promise<number[]> => (background ? await background.evaluate(markTimes(name)) : []);
    const [reportReceived, published, delivered] = await Promise.all([
      inBackground('fhirside:page-report-received'),
      inBackground('fhirside:tab-report-published'),
      panel.page.evaluate<number[]>(markTimes('fhirside:tab-report-received')),
    ]);
    const firstAfter = (times: readonly number[]) => switchedAt.map((t0, i) => (times.find((t) => t >= t0 && t < (switchedAt[i + 1] ?? Infinity)) ?? Number.NaN) - t0);
    const hops = { reportReceived: firstAfter(reportReceived), published: firstAfter(published), delivered: firstAfter(delivered) };
    const last = switchedAt[switchedAt.length - 1];
    return { clearMs, contextMs, mixedMoments, settleMs: last === undefined ? undefined : settledAt - last, hops };
  } finally {
    await panel.close();
  }
}

/** The switching scenario of `npm run bench`. */
export const switching: Scenario = {
  name: 'switching',
  description: 'EPR 2 (single-page): six patients clicked through 150 ms apart',
  smoke: true,
  async run(ctx) {
    const order = ['p01', 'p03', 'p05', 'p11', 'p13', 'p02'].map((k) => ROSTER.find((p) => p.key === k)!.nhsNumber);
    const runs: SwitchRun[] = [];
    for (let i = 0; i < ctx.runs; i++) runs.push(await rapidSwitching(ctx.bench, ctx.world.urls.epr2, order, 150));
    return {
      rows: [
        { scenario: 'switching', metric: 'switch → old patient cleared', spread: spread(runs.flatMap((r) => r.clearMs)), unit: 'ms', note: `${runs.reduce((n, r) => n + r.clearMs.length, 0)} switches` },
        { scenario: 'switching', metric: 'switch → new look-up starts (context mark)', spread: spread(runs.flatMap((r) => r.contextMs)), unit: 'ms', note: 'the old patient goes in the render just before' },
        { scenario: 'switching', metric: 'switch → background has the page’s report', spread: spread(runs.flatMap((r) => r.hops.reportReceived)), unit: 'ms', note: 'content script: the route change read, sent' },
        { scenario: 'switching', metric: 'switch → background publishes the tab’s answer', spread: spread(runs.flatMap((r) => r.hops.published)), unit: 'ms', note: 'on the report, or on the tab’s URL change before it' },
        { scenario: 'switching', metric: 'switch → panel receives it', spread: spread(runs.flatMap((r) => r.hops.delivered)), unit: 'ms', note: 'waits for whatever the panel is doing' },
        { scenario: 'switching', metric: 'panel receives it → old patient gone', spread: spread(runs.flatMap((r) => r.clearMs.map((ms, i) => ms - (r.hops.delivered[i] ?? Number.NaN)))), unit: 'ms' },
        { scenario: 'switching', metric: 'moments with two patients shown', spread: spread(runs.map((r) => r.mixedMoments)), unit: '' },
        { scenario: 'switching', metric: 'last switch → complete', spread: spread(runs.map((r) => r.settleMs)), unit: 'ms' },
      ],
      raw: runs,
    };
  },
};
