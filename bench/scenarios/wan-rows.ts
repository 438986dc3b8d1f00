/**
 * A WAN scenario's floor (bench/floor.ts) and every timed figure as a ratio to it and to
 * baseline (c), all from the same run under the same shaping.
 */
import type { LinkShape, ServedRequest } from '../../sandbox/link-shaper';
import type { BaselineResult } from '../baselines/run-baseline';
import { describeFloor, lookupFloor, type LookupFloor } from '../floor';
import type { ResultRow } from '../report';
import { single, spread } from '../stats';
import type { ColdRun } from './lookup';
import type { RecordRounds } from './record-rounds';

/** Time at least one request was at the server (arrived, answer not yet ready), ms. */
export function unionMs(spans: readonly (readonly [number, number])[]): number {
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

const inWindow = (r: ServedRequest, run: ColdRun) => r.arrivedAt >= run.window.from && r.arrivedAt <= run.window.to;

/** Each source's server time in each cold run, from the sandbox's own log. */
function serverMs(served: readonly ServedRequest[], cold: readonly ColdRun[], id: string): number[] {
  return cold.map((run) => unionMs(served.filter((r) => r.link === id && inWindow(r, run)).map((r) => [r.arrivedAt, r.readyAt] as const)));
}

/**
 * What each server saw during one cold look-up, ms after the panel opened: for the timeline that
 * explains a miss (which request waited on which).
 */
export function coldTimeline(served: readonly ServedRequest[], run: ColdRun | undefined) {
  if (!run) return [];
  const at = (t: number) => Math.round(t - run.window.from);
  return served.filter((r) => inWindow(r, run)).map((r) => ({ link: r.link, request: `${r.method} ${decodeURIComponent(r.url).slice(0, 120)}`, arrived: at(r.arrivedAt), ready: at(r.readyAt), bytes: r.bytes }));
}

export interface WanInputs {
  readonly links: Readonly<Record<string, LinkShape>>;
  readonly rounds: Readonly<Record<string, RecordRounds>>;
  /** Everything the shaped sandbox served during the scenario. */
  readonly served: readonly ServedRequest[];
  readonly cold: readonly ColdRun[];
  readonly baselineC?: readonly BaselineResult[];
}

/** The floor from the medians of our cold runs. */
export function wanFloor(inputs: WanInputs): LookupFloor {
  const sources = Object.fromEntries(
    Object.entries(inputs.rounds).map(([id, r]) => {
      const link = inputs.links[id];
      if (!link) throw new Error(`no link shape for source ${id}`);
      return [id, {
        rttMs: link.rttMs,
        mbitPerS: link.mbitPerS,
        rounds: r.rounds,
        serverMs: spread(serverMs(inputs.served, inputs.cold, id))?.median ?? 0,
        bytes: spread(inputs.cold.map((run) => run.traffic[id]?.bytes ?? 0))?.median ?? 0,
      }];
    }),
  );
  return lookupFloor(sources);
}

/**
 * The floor rows, and `rows` (this scenario's) with each timed figure's ratios added to its note.
 * @param scenario - the scenario's name
 */
export function wanRows(scenario: string, rows: readonly ResultRow[], inputs: WanInputs): { rows: ResultRow[]; floor: LookupFloor } {
  const floor = wanFloor(inputs);
  const c = spread((inputs.baselineC ?? []).map((r) => r.ms))?.median;
  const ratio = (ms: number) => `${(ms / floor.floorMs).toFixed(2)}× floor${c ? `, ${(ms / c).toFixed(2)}× (c)` : ''}`;
  // A look-up's or a baseline's time; the server wait is a part of one, not a look-up to compare.
  const timed = (row: ResultRow) => row.scenario === scenario && row.unit === 'ms' && !row.metric.includes('server wait');
  const annotated = rows.map((row) =>
    timed(row) && row.spread ? { ...row, note: [row.note, ratio(row.spread.median)].filter(Boolean).join('; ') } : row,
  );
  const perRun = (pick: (run: ColdRun) => number | undefined) => spread(inputs.cold.map((run) => {
    const ms = pick(run);
    return ms === undefined ? undefined : ms / floor.floorMs;
  }));
  const tokenRequests = inputs.cold.map((run) => inputs.served.filter((r) => r.link === 'auth' && inWindow(r, run)).length);
  const floorRows: ResultRow[] = [
    { scenario, metric: 'floor (slowest source)', spread: single(floor.floorMs), unit: 'ms', note: `RTT×rounds + server + transfer: ${Object.entries(floor.sources).map(([id, f]) => describeFloor(id, f)).join(' / ')}` },
    { scenario, metric: 'cold first screen ÷ floor', spread: perRun((run) => run.firstScreenMs), unit: '×', digits: 2 },
    { scenario, metric: 'cold complete ÷ floor', spread: perRun((run) => run.completeMs), unit: '×', digits: 2 },
    ...(inputs.baselineC ? [{ scenario, metric: 'baseline (c) ÷ floor', spread: spread(inputs.baselineC.map((r) => r.ms / floor.floorMs)), unit: '×', digits: 2 }] : []),
    { scenario, metric: 'token requests in a cold look-up', spread: spread(tokenRequests), unit: '', note: 'the floor counts no token round: a live token needs none' },
  ];
  return { rows: [...annotated, ...floorRows], floor };
}
