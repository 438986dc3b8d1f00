/** Points of a test's series scaled into an SVG box: oldest left, newest right, range shaded. */
import type { ResultPoint } from '../lib/summary/model';

export interface Plot {
  readonly line: string;
  readonly line2?: string;
  readonly dots: readonly { readonly x: number; readonly y: number; readonly point: ResultPoint }[];
  /** The reference range as a band (y of top and bottom), when the newest point sent one. */
  readonly band?: { readonly top: number; readonly bottom: number };
  readonly min: number;
  readonly max: number;
}

/**
 * The numeric points of a series in the newest value's unit, oldest first (at most `limit`).
 * Values in another unit are left out of the line, never converted.
 */
export function plottable(points: readonly ResultPoint[], limit: number): ResultPoint[] {
  const unit = points[0]?.unit;
  return points.filter((p) => typeof p.value === 'number' && p.unit === unit).slice(0, limit).reverse();
}

/** Scales a series into width × height with a margin. */
export function plot(series: readonly ResultPoint[], width: number, height: number, margin = 2): Plot | undefined {
  if (series.length < 2) return undefined;
  const newest = series[series.length - 1]!;
  const values = series.flatMap((p) => [p.value!, ...(p.value2 !== undefined ? [p.value2] : [])]);
  const bounds = [...values, ...(newest.low !== undefined ? [newest.low] : []), ...(newest.high !== undefined ? [newest.high] : [])];
  const min = Math.min(...bounds);
  const max = Math.max(...bounds);
  const span = max - min || 1;
  const x = (i: number) => margin + (i * (width - 2 * margin)) / (series.length - 1);
  const y = (v: number) => height - margin - ((v - min) * (height - 2 * margin)) / span;
  const path = (pick: (p: ResultPoint) => number | undefined) =>
    series.map((p, i) => [i, pick(p)] as const).filter(([, v]) => v !== undefined).map(([i, v], k) => `${k === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v!).toFixed(1)}`).join(' ');
  const hasPair = series.some((p) => p.value2 !== undefined);
  return {
    line: path((p) => p.value),
    line2: hasPair ? path((p) => p.value2) : undefined,
    dots: series.map((p, i) => ({ x: x(i), y: y(p.value!), point: p })),
    band: newest.low !== undefined || newest.high !== undefined
      ? { top: y(newest.high ?? max), bottom: y(newest.low ?? min) }
      : undefined,
    min,
    max,
  };
}
