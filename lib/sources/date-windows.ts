/**
 * A long result series asked as date windows side by side, instead of one chain of pages.
 *
 * A search's next links are opaque (FHIR R4 http.html#paging), so its pages can only be asked one
 * after another: 6,000 results in pages of 1,000 are six round trips in a row, a third of a second
 * on a 60 ms hospital link before any server time. The same search cut by date into windows is
 * several shorter chains at once. R4's date prefixes (search.html#prefix) make the cut exact:
 * `date=ge<a>&date=lt<b>` matches a result whose date range reaches into [a, b), so windows
 * bounded by the same instants cover everything `date=ge<horizon>` does. A result whose range
 * spans a bound is in two windows; the caller keeps it once.
 *
 * Only a search bounded below (the results horizon) is cut: without a lower bound a window would
 * lose the results that carry no date at all, which `date=lt` never matches.
 */
import type { Bundle, FhirResource } from '../fhir/resource';
import { choiceDate } from '../summary/choice-dates';
import { withParams } from './adapt-query';
import type { PatientQuery } from './queries';

/** A window smaller than this is not worth its own request. */
const LEAST_PER_WINDOW = 500;

/** When a result was taken (effective[x], else issued), as epoch ms. */
function takenAt(resource: FhirResource): number | undefined {
  const record = resource as unknown as Record<string, unknown>;
  const when = choiceDate(record, 'effective').date ?? (typeof record['issued'] === 'string' ? record['issued'] : undefined);
  const ms = when ? Date.parse(when) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * How many results the series holds: the server's total where it gives one (R4 leaves it
 * optional), else the first page's rate carried back to the horizon. A poor guess costs pages
 * within a window, never results.
 */
function estimatedTotal(probe: Bundle, fromMs: number, now: number): number | undefined {
  if (typeof probe.total === 'number') return probe.total;
  const times = (probe.entry ?? []).flatMap((e) => (e.resource ? [takenAt(e.resource)] : [])).filter((t): t is number => t !== undefined);
  if (times.length === 0) return undefined;
  const span = now - Math.min(...times);
  return span > 0 ? Math.round((times.length * (now - fromMs)) / span) : undefined;
}

/** An instant to the second, as a date search value. */
const instant = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The query cut into windows of its date range, newest first, or undefined where one chain is as
 * good (a short series, no lower bound, or nothing to size it by).
 * @param probe - the series' first page, as the first round trip brought it
 * @param most - the most windows at once (the source's concurrency)
 * @param pageSize - the page size each window is asked in
 */
export function dateWindows(query: PatientQuery, probe: Bundle, now: number, most: number, pageSize: number): PatientQuery[] | undefined {
  const [, search = ''] = query.url.split('?');
  const bounds = new URLSearchParams(search).getAll('date');
  const lower = bounds.length === 1 && bounds[0]!.startsWith('ge') ? bounds[0]!.slice(2) : undefined;
  const fromMs = lower ? Date.parse(lower) : Number.NaN;
  if (Number.isNaN(fromMs) || fromMs >= now) return undefined;
  const total = estimatedTotal(probe, fromMs, now);
  if (total === undefined) return undefined;
  const count = Math.min(most, Math.ceil(total / pageSize), Math.floor(total / LEAST_PER_WINDOW));
  if (count < 2) return undefined;
  // Evenly in time from the horizon to now; the newest window is open above, so nothing dated
  // after now (or after the clock of whoever recorded it) is lost.
  const cuts = Array.from({ length: count - 1 }, (_, i) => instant(fromMs + ((i + 1) * (now - fromMs)) / count));
  const starts = [lower!, ...cuts];
  return starts
    .map((start, i) =>
      withParams(query, (p) => {
        p.delete('date');
        p.append('date', `ge${start}`);
        const end = cuts[i];
        if (end) p.append('date', `lt${end}`);
      }),
    )
    .reverse();
}
