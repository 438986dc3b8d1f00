/** A scenario's machine load as a table row: how much of the CPU other processes took meanwhile. */
import { NOISY_SHARE, type LoadShare } from './load';
import type { ResultRow } from './report';
import { spread } from './stats';

export const LOAD_METRIC = "other processes' CPU (share of machine)";

/** Whether other processes took more than NOISY_SHARE of the machine over the span. */
export function isNoisy(overall: LoadShare | undefined): boolean {
  return overall !== undefined && overall.others > NOISY_SHARE;
}

/**
 * @param intervals - one share per sampling interval (about a second each)
 * @param overall - the share over the whole span
 */
export function loadRow(scenario: string, intervals: readonly LoadShare[], overall: LoadShare | undefined): ResultRow {
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const note = overall
    ? `over the span: others ${pct(overall.others)}, this bench ${pct(overall.ours)}; ${isNoisy(overall) ? `NOISY (others above ${pct(NOISY_SHARE)})` : 'quiet enough'}`
    : 'no /proc to read';
  return { scenario, metric: LOAD_METRIC, spread: spread(intervals.map((s) => s.others * 100)), unit: '%', note };
}
