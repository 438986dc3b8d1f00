/** Median, p95 and spread of a handful of runs: what a noisy 2-core machine can honestly report. */

export interface Spread {
  readonly median: number;
  /** Nearest-rank 95th percentile: with fewer than 20 values it is the largest. */
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

/**
 * Nearest-rank percentile of sorted values: the smallest value with at least `p`% of them at or
 * below it (no interpolation, so it is always a value that was measured). With n = 5, p95 is the
 * 5th of 5 (the max); with n = 25 switches it is the 24th.
 * @param sorted - ascending, at least one value
 */
export function nearestRank(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** Median, p95, min and max; undefined when there is nothing to summarise. */
export function spread(values: readonly (number | undefined)[]): Spread | undefined {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return undefined;
  const mid = Math.floor(xs.length / 2);
  const median = xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
  return { median, p95: nearestRank(xs, 95), min: xs[0]!, max: xs[xs.length - 1]!, n: xs.length };
}

/** One figure that is not a sample of runs (a size, a ratio of medians). */
export function single(value: number): Spread {
  return { median: value, p95: value, min: value, max: value, n: 1 };
}

/** `412 ms (398–450)` style, rounded for a table. */
export function formatSpread(s: Spread | undefined, unit = 'ms', digits = 0): string {
  if (!s) return '–';
  const f = (v: number) => v.toFixed(digits);
  return s.n > 1 ? `${f(s.median)} ${unit} (${f(s.min)}–${f(s.max)})` : `${f(s.median)} ${unit}`;
}

/** The p95 cell: empty for a single figure, where it says nothing more than the median. */
export function formatP95(s: Spread | undefined, unit = 'ms', digits = 0): string {
  return s && s.n > 1 ? `${s.p95.toFixed(digits)} ${unit}` : '';
}
