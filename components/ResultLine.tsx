import { useState } from 'preact/hooks';
import { seriesCounts } from '../lib/summary/first-screen-copy';
import type { SummaryRow } from '../lib/summary/model';
import { formatDate } from './format';
import { lazyComponent } from './lazy-component';
import { Sparkline } from './Sparkline';
import { plottable } from './trend-geometry';

interface Props {
  readonly row: SummaryRow;
}

/** The larger chart is drawn only on a click: its code is fetched then, not for every look-up. */
const TrendChart = lazyComponent(
  () => import('./TrendChart').then((m) => m.TrendChart),
  ({ title }) => <p class="trend-loading" role="status">Loading the trend of {title}…</p>,
);

/** A test's newest value with its flag in words, range, the value before it, and its trend. */
export function ResultLine({ row }: Props) {
  const [open, setOpen] = useState(false);
  const points = row.result?.points ?? [];
  const latest = points[0];
  if (!latest) return null;
  const previous = points[1];
  const series = plottable(points, 200);
  const recent = series.slice(-20);
  // Counted over the whole series, also when only its newest values are here yet (a thinned saved copy).
  const { values, otherUnits } = seriesCounts(row.result!);
  return (
    <div class="result">
      <div class="result-latest">
        <span class="result-value">{latest.display}</span>
        {latest.flag && <span class={`flag flag-${latest.flag.toLowerCase().replace(/\s+/g, '-')}`}>{latest.flag}</span>}
        {latest.status && <span class="status point-status">{latest.status}</span>}
        {latest.at && <span class="row-date">{formatDate(latest.at)}</span>}
        {recent.length >= 2 && (
          <button type="button" class="trend-button" aria-expanded={open} onClick={() => setOpen(!open)} aria-label={`${open ? 'Hide' : 'Show'} trend of ${row.text}, ${series.length} values`}>
            <Sparkline series={recent} />
          </button>
        )}
      </div>
      <div class="row-meta">
        {latest.range && <span>Range {latest.range}</span>}
        {latest.otherRanges && <span>Other ranges: {latest.otherRanges.join('; ')}</span>}
        {previous && <span>Before: {previous.display}{previous.flag ? ` (${previous.flag})` : ''}{previous.status ? ` (${previous.status})` : ''} {formatDate(previous.at)}</span>}
        {values > 2 && <span>{values} values</span>}
        {otherUnits > 0 && <span class="note">{otherUnits} in another unit, not plotted</span>}
      </div>
      {open && <TrendChart title={row.text} series={series} />}
    </div>
  );
}
