/** Cold and warm look-up runs turned into table rows. */
import type { ResultRow } from '../report';
import { spread } from '../stats';
import type { ColdRun, WarmRun } from './lookup';

const perSource = (runs: readonly { traffic: ColdRun['traffic'] }[], pick: (t: ColdRun['traffic'][string]) => number, digits = 0) => {
  const ids = Object.keys(runs[0]?.traffic ?? {});
  return ids.map((id) => `${id} ${spread(runs.map((r) => pick(r.traffic[id]!)))?.median.toFixed(digits) ?? '–'}`).join(' / ');
};

export function lookupRows(scenario: string, cold: readonly ColdRun[], warm: readonly WarmRun[]): ResultRow[] {
  const s = (xs: (number | undefined)[]) => spread(xs);
  const requests = (t: ColdRun['traffic']) => Object.values(t).reduce((n, x) => n + x.requests, 0);
  return [
    { scenario, metric: 'cold first screen', spread: s(cold.map((r) => r.firstScreenMs)), unit: 'ms' },
    { scenario, metric: 'cold complete', spread: s(cold.map((r) => r.completeMs)), unit: 'ms', note: `${cold[0]?.rows ?? 0} rows drawn` },
    { scenario, metric: 'cold requests', spread: s(cold.map((r) => requests(r.traffic))), unit: '', note: perSource(cold, (t) => t.requests) },
    { scenario, metric: 'cold KB transferred', spread: s(cold.map((r) => Object.values(r.traffic).reduce((n, x) => n + x.bytes, 0) / 1024)), unit: 'KB', note: perSource(cold, (t) => t.bytes / 1024) },
    { scenario, metric: 'cold server wait', spread: s(cold.map((r) => Math.max(...Object.values(r.traffic).map((x) => x.serverBusyMs)))), unit: 'ms', note: `busiest source; ${perSource(cold, (t) => t.serverBusyMs)}` },
    { scenario, metric: 'panel heap after look-up', spread: s(cold.map((r) => r.heapMb)), unit: 'MB', digits: 1 },
    { scenario, metric: 'warm from cache', spread: s(warm.map((r) => r.cacheRenderedMs)), unit: 'ms' },
    { scenario, metric: 'warm complete (revalidated)', spread: s(warm.map((r) => r.completeMs)), unit: 'ms' },
    { scenario, metric: 'warm requests per source (max)', spread: s(warm.map((r) => Math.max(...Object.values(r.traffic).map((x) => x.requests)))), unit: '', note: perSource(warm, (t) => t.requests) },
  ];
}
