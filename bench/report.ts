/** The bench's output: one row per figure, printed as a table and saved as JSON. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSpread, type Spread } from './stats';
import { targetFor } from './targets';

export interface ResultRow {
  readonly scenario: string;
  readonly metric: string;
  readonly spread?: Spread;
  readonly unit: string;
  readonly digits?: number;
  /** Anything the number alone does not say (per-source split, what a baseline missed). */
  readonly note?: string;
}

function verdict(row: ResultRow): string {
  const target = targetFor(row.scenario, row.metric);
  if (!target || !row.spread) return '';
  const value = row.spread.median;
  const ok = target.atLeast ? value >= target.limit : value <= target.limit;
  return `${target.atLeast ? '≥' : '≤'} ${target.limit}${target.unit ? ` ${target.unit}` : ''} ${ok ? 'met' : 'MISSED'}`;
}

/** A fixed-width table for the terminal. */
export function formatTable(rows: readonly ResultRow[]): string {
  const cells = rows.map((r) => [r.scenario, r.metric, formatSpread(r.spread, r.unit, r.digits ?? 0), verdict(r), r.note ?? '']);
  const header = ['scenario', 'figure', 'median (min–max)', 'target', 'notes'];
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
