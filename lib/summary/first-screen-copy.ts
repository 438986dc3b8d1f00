/**
 * The copy of a saved summary drawn first. A record of thousands of results saves every value of
 * every test (a vital sign taken four times a day for years), yet the first screen draws only each
 * test's newest values (the latest, the one before, a sparkline of the newest few) and a chip per
 * source, not the provenance of every value. Decrypting and parsing all of them before anything is
 * drawn was most of a warm look-up's wait. This copy keeps the newest values of each series, the
 * first input resource from each source, and what the whole series counts; the whole summary is
 * read straight after it is on screen and replaces it (lib/lookup.ts).
 */
import type { Provenance, SeriesCounts, Summary, SummaryRow, TestResult } from './model';

/** Values kept per series: as many as the trend chart draws (components/trend-geometry.ts `plottable`). */
export const FIRST_SCREEN_VALUES = 200;

/** What a whole series counts (the same counts the row shows from a whole one). */
export function seriesCounts(result: TestResult): SeriesCounts {
  if (result.thinned) return result.thinned;
  const unit = result.points[0]?.unit;
  return { values: result.points.length, otherUnits: result.points.filter((p) => typeof p.value === 'number' && p.unit !== unit).length };
}

/** The first input resource from each source: what a row's chips draw (a series row lists every value's). */
const firstPerSource = (sources: readonly Provenance[]) => sources.filter((p, i) => sources.findIndex((q) => q.sourceId === p.sourceId) === i);

function thinRow(row: SummaryRow, keep: number): SummaryRow {
  const result = row.result;
  if (!result || result.points.length <= keep) return row;
  return { ...row, sources: firstPerSource(row.sources), result: { ...result, points: result.points.slice(0, keep), thinned: seriesCounts(result) } };
}

const thinRows = (rows: readonly SummaryRow[], keep: number) => (rows.some((r) => (r.result?.points.length ?? 0) > keep) ? rows.map((r) => thinRow(r, keep)) : rows);

/**
 * The summary with each test's series cut to its newest `keep` values, counts kept.
 * @returns undefined when no series is longer than that (the whole summary is as quick to draw)
 */
export function firstScreenCopy(summary: Summary, keep = FIRST_SCREEN_VALUES): Summary | undefined {
  const sections = Object.fromEntries(Object.entries(summary.sections).map(([id, rows]) => [id, thinRows(rows, keep)])) as Summary['sections'];
  const changed = Object.keys(sections).some((id) => sections[id as keyof typeof sections] !== summary.sections[id as keyof typeof sections]);
  return changed ? { ...summary, sections } : undefined;
}
