/** The bench's output: one row per figure, printed as a table and saved as JSON. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatP95, formatSpread, type Spread } from './stats';
import { targetsFor, type Target } from './targets';

export interface ResultRow {
  readonly scenario: string;
  readonly metric: string;
  readonly spread?: Spread;
  readonly unit: string;
  readonly digits?: number;
  /** Anything the number alone does not say (per-source split, what a baseline missed). */
  readonly note?: string;
}

/** Whether the row's median (or p95) meets the target. */
export function meets(target: Target, spread: Spread): boolean {
  const value = target.statistic === 'p95' ? spread.p95 : spread.median;
  return target.atLeast ? value >= target.limit : value <= target.limit;
}

function verdict(row: ResultRow): string {
  const { spread } = row;
  if (!spread) return '';
  return targetsFor(row.scenario, row.metric)
    .map((t) => `${t.statistic === 'p95' ? 'p95 ' : ''}${t.atLeast ? '≥' : '≤'} ${t.limit}${t.unit ? ` ${t.unit}` : ''} ${meets(t, spread) ? 'met' : 'MISSED'}`)
    .join('; ');
}

/** A fixed-width table for the terminal. */
export function formatTable(rows: readonly ResultRow[]): string {
  const cells = rows.map((r) => [r.scenario, r.metric, formatSpread(r.spread, r.unit, r.digits ?? 0), formatP95(r.spread, r.unit, r.digits ?? 0), verdict(r), r.note ?? '']);
  const header = ['scenario', 'figure', 'median (min–max)', 'p95', 'target', 'notes'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Writes `bench/results/<stamp>.json` and `latest.json`; returns the first path. */
export function saveResults(dir: string, result: object): string {
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const text = `${JSON.stringify(result, null, 2)}\n`;
  const path = join(dir, `${stamp}.json`);
  writeFileSync(path, text);
  writeFileSync(join(dir, 'latest.json'), text);
  return path;
}
