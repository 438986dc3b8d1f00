/** The baselines beside a look-up scenario: each pattern's time, and its ratio to ours. */
import { ROSTER } from '../../sandbox/data/roster';
import { runBaseline, type BaselineResult, type Pattern } from '../baselines/run-baseline';
import type { ResultRow } from '../report';
import { single, spread } from '../stats';
import type { ScenarioContext } from './context';
import type { ColdRun } from './lookup';

const PATTERN_NAMES: Record<Pattern, string> = {
  a: '(a) per type, sequential, server pages',
  b: '(b) parallel, first 100 only',
  c: '(c) parallel, 1000-pages, follow next',
};

/**
 * Runs each pattern `ctx.runs` times for one patient.
 * @param ours - our cold runs, for the speed-up rows
 */
export async function baselines(ctx: ScenarioContext, name: string, key: string, patterns: readonly Pattern[], ours: readonly ColdRun[], horizonDays?: number) {
  const rows: ResultRow[] = [];
  const raw: Record<string, BaselineResult[]> = {};
  const oursMedian = spread(ours.map((r) => r.completeMs))?.median;
  for (const p of patterns) {
    const runs: BaselineResult[] = [];
    for (let i = 0; i < ctx.runs; i++) {
      runs.push(await runBaseline(ctx.bench, p, ROSTER.find((p) => p.key === key)!.nhsNumber, { ...ctx.tokens }, horizonDays));
      ctx.log(`  ${name} baseline ${p} ${i + 1}/${ctx.runs}: ${runs[i]!.ms.toFixed(0)} ms, ${runs[i]!.resources} resources`);
    }
    raw[p] = runs;
    const first = runs[0]!;
    const requests = Object.values(first.traffic).reduce((n, t) => n + t.requests, 0);
    const missed = p === 'b' ? `; misses ${first.missed} of ${first.resources + first.missed} (${Object.entries(first.missedByType).map(([t, n]) => `${t} ${n}`).join(', ')})` : '';
    const ms = spread(runs.map((r) => r.ms));
    rows.push({ scenario: name, metric: `baseline ${PATTERN_NAMES[p]}`, spread: ms, unit: 'ms', note: `${requests} requests, ${first.resources} resources${missed}` });
    if (p !== 'b' && ms && oursMedian) rows.push({ scenario: name, metric: `speed-up vs (${p})`, spread: single(ms.median / oursMedian), unit: '×', digits: 1, note: 'baseline median / our cold complete median' });
  }
  return { rows, raw };
}

