/**
 * The content script's cost to the EPR page per burst of DOM mutations, from a Chrome trace of the
 * EPR tab: every call into content-scripts/epr.js (mutation callbacks, the scan timer) is a
 * `FunctionCall` event carrying the script's URL, timed by the renderer itself.
 */
import type { Page } from 'playwright-core';
import { ROSTER } from '../../sandbox/data/roster';
import type { BenchBrowser } from '../browser';
import { spread } from '../stats';
import type { Scenario } from './context';

export interface BurstCost {
  /** Wall time inside the content script per burst, ms. */
  readonly perBurstMs: readonly number[];
  /**
   * Of that, style and layout the script forced (its visibility checks read layout), ms. The page
   * would mostly have done this work before its next paint anyway; the rest is script.
   */
  readonly forcedLayoutMs: readonly number[];
  /** The same calls' thread (CPU) time: on a busy 2-core machine wall time also counts waiting for a core. */
  readonly cpuMs: readonly number[];
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly tid: number;
  readonly args?: { readonly data?: { readonly url?: string } };
}

/** Bursts this far apart (µs) are told apart; each burst is triggered 400 ms after the last. */
const BURST_GAP_US = 200_000;

async function traced(page: Page, bench: BenchBrowser, act: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await bench.browser.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  try {
    await act();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return events;
}

const LAYOUT_EVENTS = new Set(['Layout', 'UpdateLayoutTree']);

/** Time in the content script per burst (its outermost calls, grouped by quiet gaps), and the layout inside it. */
export function costPerBurst(events: readonly TraceEvent[]): BurstCost {
  const calls = events
    .filter((e) => e.name === 'FunctionCall' && e.ph === 'X' && e.dur !== undefined && (e.args?.data?.url ?? '').includes('/content-scripts/'))
    .sort((a, b) => a.ts - b.ts);
  const outermost = calls.filter((c) => !calls.some((o) => o !== c && o.tid === c.tid && o.ts <= c.ts && o.ts + o.dur! >= c.ts + c.dur! && o.dur! > c.dur!));
  const layouts = events.filter((e) => LAYOUT_EVENTS.has(e.name) && e.ph === 'X' && e.dur !== undefined);
  const layoutIn = (c: TraceEvent) => layouts.filter((l) => l.tid === c.tid && l.ts >= c.ts && l.ts + l.dur! <= c.ts + c.dur!).reduce((n, l) => n + l.dur!, 0);
  const perBurstMs: number[] = [];
  const forcedLayoutMs: number[] = [];
  const cpuMs: number[] = [];
  let lastEnd = -Infinity;
  for (const call of outermost) {
    if (call.ts - lastEnd > BURST_GAP_US || perBurstMs.length === 0) {
      perBurstMs.push(0);
      forcedLayoutMs.push(0);
      cpuMs.push(0);
    }
    const last = perBurstMs.length - 1;
    perBurstMs[last]! += call.dur! / 1000;
    forcedLayoutMs[last]! += layoutIn(call) / 1000;
    cpuMs[last]! += (call.tdur ?? call.dur!) / 1000;
    lastEnd = call.ts + call.dur!;
  }
  return { perBurstMs, forcedLayoutMs, cpuMs };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * EPR 2 (single-page app): switching record tabs and switching patient, `rounds` times each.
 * @param nhsNumbers - two patients to switch between
 */
export async function eprAppBursts(bench: BenchBrowser, epr2: string, nhsNumbers: readonly [string, string], rounds: number): Promise<BurstCost> {
  await bench.epr.goto(`${epr2}/app/patient/${nhsNumbers[0]}`);
  await pause(500);
  const events = await traced(bench.epr, bench, async () => {
    for (let i = 0; i < rounds; i++) {
      await bench.epr.evaluate(() => (document.querySelectorAll<HTMLElement>('[role=tab]')[1 + (Math.random() > 0.5 ? 1 : 0)])?.click());
      await pause(400);
      await bench.epr.evaluate((path) => {
        history.pushState(null, '', path);
        dispatchEvent(new PopStateEvent('popstate'));
      }, `/app/patient/${nhsNumbers[(i + 1) % 2]}`);
      await pause(400);
    }
  });
  return costPerBurst(events);
}

/**
 * EPR 1 (server-rendered): a results grid of `rows` rows added in one go, then removed, `rounds`
 * times each. Adding and removing cost the script very differently, so they are kept apart.
 */
export async function eprPageBursts(bench: BenchBrowser, pageUrl: string, rows: number, rounds: number): Promise<{ added: BurstCost; removed: BurstCost }> {
  await bench.epr.goto(pageUrl);
  await pause(500);
  const events = await traced(bench.epr, bench, async () => {
    for (let i = 0; i < rounds * 2; i++) {
      await bench.epr.evaluate((n) => {
        const old = document.getElementById('bench-grid');
        if (old) return old.remove();
        const table = document.createElement('table');
        table.id = 'bench-grid';
        for (let r = 0; r < n; r++) {
          const tr = table.insertRow();
          for (const text of [`2026-11-${String((r % 28) + 1).padStart(2, '0')}`, 'Serum potassium', `${(4 + (r % 10) / 10).toFixed(1)} mmol/L`]) tr.insertCell().textContent = text;
        }
        document.body.append(table);
      }, rows);
      await pause(400);
    }
  });
  const all = costPerBurst(events);
  const pick = (xs: readonly number[], odd: number) => xs.filter((_, i) => i % 2 === odd);
  const half = (odd: number): BurstCost => ({ perBurstMs: pick(all.perBurstMs, odd), forcedLayoutMs: pick(all.forcedLayoutMs, odd), cpuMs: pick(all.cpuMs, odd) });
  return { added: half(0), removed: half(1) };
}

const nhs = (key: string) => ROSTER.find((p) => p.key === key)!.nhsNumber;
const forced = (cost: BurstCost) => {
  const median = (xs: readonly number[]) => spread(xs)?.median.toFixed(2) ?? '–';
  return `CPU ${median(cost.cpuMs)} ms (max ${spread(cost.cpuMs)?.max.toFixed(2) ?? '–'}), forced style/layout ${median(cost.forcedLayoutMs)} ms`;
};

/** The content-script scenario of `npm run bench`. */
export const contentScript: Scenario = {
  name: 'content-script',
  description: 'content-script time per DOM mutation burst on both demo EPRs (Chrome trace)',
  smoke: true,
  async run(ctx) {
    const rounds = ctx.smoke ? 2 : Math.max(10, ctx.runs * 2);
    const app = await eprAppBursts(ctx.bench, ctx.world.urls.epr2, [nhs('p01'), nhs('p11')], rounds);
    const grid = await eprPageBursts(ctx.bench, `${ctx.world.urls.epr1}/patient/p11`, 500, rounds);
    return {
      rows: [
        { scenario: 'content-script', metric: 'EPR 2 (app) per burst', spread: spread(app.perBurstMs), unit: 'ms', digits: 2, note: `${app.perBurstMs.length} bursts (tab and patient switches); ${forced(app)}` },
        { scenario: 'content-script', metric: 'EPR 1 (500-row grid added) per burst', spread: spread(grid.added.perBurstMs), unit: 'ms', digits: 2, note: `${grid.added.perBurstMs.length} bursts; ${forced(grid.added)}` },
        { scenario: 'content-script', metric: 'EPR 1 (500-row grid removed) per burst', spread: spread(grid.removed.perBurstMs), unit: 'ms', digits: 2, note: `${grid.removed.perBurstMs.length} bursts; ${forced(grid.removed)}` },
      ],
      raw: { app, grid },
    };
  },
};
