/**
 * Results across sources: every value of one test (whatever code system named it) on one row,
 * newest first. The same value reported by two sources (same test, same time, same value and
 * unit) is one point with two sources; anything that differs in any of those stays a point of its
 * own, so no value is ever dropped. Units are as sent: points in another unit are kept and listed,
 * never converted.
 */
import type { ResultPoint, SummaryRow } from './model';

const unique = <T>(values: readonly T[]) => [...new Set(values)];

/** An instant already in UTC (`…Z`), to the minute or finer: its minute is its first 16 characters. */
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/**
 * Same instant to the minute: sources serialise seconds and zones differently. Most are already in
 * UTC, and a record of thousands of results is merged on every update, so those skip the parse.
 */
function minuteOf(at: string | undefined): string {
  if (!at) return '';
  if (UTC_INSTANT.test(at)) return at.slice(0, 16);
  const time = Date.parse(at);
  return Number.isNaN(time) ? at : new Date(time).toISOString().slice(0, 16);
}

function mergePoints(points: readonly ResultPoint[]): ResultPoint[] {
  const byIdentity = new Map<string, ResultPoint>();
  for (const point of points) {
    const identity = `${minuteOf(point.at)}|${point.display}|${point.unit ?? ''}`;
    const seen = byIdentity.get(identity);
    // Only values from different sources are the same report twice; two equal values from one
    // source (a repeat test in the same minute) are two facts.
    const sameSource = seen?.sources.some((s) => point.sources.some((p) => p.sourceId === s.sourceId));
    if (seen && !sameSource) byIdentity.set(identity, { ...seen, sources: [...seen.sources, ...point.sources] });
    else byIdentity.set(seen ? `${identity}|${point.sources[0]?.ref ?? ''}` : identity, point);
  }
  return [...byIdentity.values()].sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
}

function groupTests(rows: readonly SummaryRow[]): SummaryRow {
  const head = rows[0]!;
  const points = mergePoints(rows.flatMap((r) => r.result?.points ?? []));
  const newest = points[0];
  const tags = unique(rows.flatMap((r) => r.tags ?? []));
  return {
    ...head,
    id: `${head.id}#${head.key}`,
    sources: points.flatMap((p) => p.sources),
    codes: unique(rows.flatMap((r) => r.codes)),
    status: newest?.sources[0]?.status,
    date: newest?.at?.slice(0, 10),
    // Alert only when the newest value is critical: an old critical value is history.
    alert: rows.find((r) => r.result?.points[0] === newest)?.alert || undefined,
    result: { points, namesAsSent: unique(rows.flatMap((r) => r.result?.namesAsSent ?? [])) },
    ...(tags.length > 0 ? { tags } : {}),
  };
}

function groupReports(rows: readonly SummaryRow[]): SummaryRow {
  const sorted = [...rows].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  const newest = sorted[0]!;
  if (rows.length === 1) return newest;
  return {
    ...newest,
    id: `${newest.id}#${newest.key}`,
    sources: sorted.flatMap((r) => r.sources),
    detail: `${rows.length} reports; latest shown`,
  };
}

/** Groups a results or vital-signs section: tests by test, routine reports by report code. */
export function mergeResults(rows: readonly SummaryRow[]): SummaryRow[] {
  const groups = new Map<string, SummaryRow[]>();
  for (const row of rows) {
    const group = groups.get(row.key);
    if (group) group.push(row);
    else groups.set(row.key, [row]);
  }
  return [...groups.values()].map((group) => {
    if (group[0]!.result) return groupTests(group);
    if (group[0]!.key.startsWith('rptgroup:')) return groupReports(group);
    return group.length === 1 ? group[0]! : groupReports(group);
  });
}
