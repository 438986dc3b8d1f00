/** Median and spread of a handful of runs: what a noisy 2-core machine can honestly report. */

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

/** Median, min and max; undefined when there is nothing to summarise. */
export function spread(values: readonly (number | undefined)[]): Spread | undefined {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return undefined;
  const mid = Math.floor(xs.length / 2);
  const median = xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
  return { median, min: xs[0]!, max: xs[xs.length - 1]!, n: xs.length };
}

/** `412 ms (398–450)` style, rounded for a table. */
export function formatSpread(s: Spread | undefined, unit = 'ms', digits = 0): string {
  if (!s) return '–';
  const f = (v: number) => v.toFixed(digits);
  return s.n > 1 ? `${f(s.median)} ${unit} (${f(s.min)}–${f(s.max)})` : `${f(s.median)} ${unit}`;
}
