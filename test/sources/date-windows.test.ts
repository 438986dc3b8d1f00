import { describe, expect, it } from 'vitest';
import type { Bundle } from '@/lib/fhir/resource';
import { dateWindows } from '@/lib/sources/date-windows';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const series = (date = '&date=ge2021-12-03') => ({ resourceType: 'Observation', url: `Observation?patient=p10&_count=1000&_sort=-date${date}`, firstScreen: false });
const probe = (total: number | undefined, dates: string[] = []): Bundle => ({
  resourceType: 'Bundle',
  type: 'searchset',
  ...(total === undefined ? {} : { total }),
  entry: dates.map((d, i) => ({ resource: { resourceType: 'Observation', id: `o${i}`, effectiveDateTime: d } })),
});
const params = (url: string) => new URLSearchParams(url.split('?')[1]).getAll('date');

describe('a long result series cut into date windows', () => {
  it('cuts 6,000 results into as many windows as the source takes at once, newest first, bounds meeting exactly', () => {
    const windows = dateWindows(series(), probe(6000), NOW, 4, 1000)!;
    expect(windows).toHaveLength(4);
    const bounds = windows.map((w) => params(w.url));
    // Newest first: open above; oldest last: from the horizon as asked.
    expect(bounds[0]).toHaveLength(1);
    expect(bounds[0]![0]).toMatch(/^ge\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(bounds[3]![0]).toBe('ge2021-12-03');
    // Each window's upper bound is the next newer window's lower bound: no gap, no overlap.
    for (let i = 1; i < 4; i++) expect(bounds[i]![1]).toBe(`lt${bounds[i - 1]![0]!.slice(2)}`);
    // Everything else about the search is kept.
    expect(windows.every((w) => w.url.startsWith('Observation?patient=p10&_count=1000&_sort=-date&date=ge'))).toBe(true);
  });

  it('leaves a series one page holds, or a source that takes one request at a time, as one chain', () => {
    expect(dateWindows(series(), probe(900), NOW, 4, 1000)).toBeUndefined();
    expect(dateWindows(series(), probe(6000), NOW, 1, 1000)).toBeUndefined();
  });

  it('never cuts a search with no lower bound: undated results would fall between the windows', () => {
    expect(dateWindows(series(''), probe(13000), NOW, 4, 1000)).toBeUndefined();
    expect(dateWindows(series('&date=le2026-01-01'), probe(13000), NOW, 4, 1000)).toBeUndefined();
  });

  it("sizes the series from its first page's dates where the server gives no total", () => {
    // 100 results over the last 30 days: about 6,000 over five years.
    const recent = Array.from({ length: 100 }, (_, i) => new Date(NOW - (i * 30 * 86_400_000) / 100).toISOString());
    expect(dateWindows(series(), probe(undefined, recent), NOW, 4, 1000)).toHaveLength(4);
    // 100 results over five years: one page's worth, not worth cutting.
    const sparse = Array.from({ length: 100 }, (_, i) => new Date(NOW - (i * 1800 * 86_400_000) / 100).toISOString());
    expect(dateWindows(series(), probe(undefined, sparse), NOW, 4, 1000)).toBeUndefined();
    expect(dateWindows(series(), probe(undefined, []), NOW, 4, 1000)).toBeUndefined();
  });
});
