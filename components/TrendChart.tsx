import type { ResultPoint } from '../lib/summary/model';
import { formatDate } from './format';
import { plot } from './trend-geometry';

interface Props {
  readonly title: string;
  /** Oldest first, all in one unit. */
  readonly series: readonly ResultPoint[];
}

const W = 340;
const H = 130;

/**
 * The larger trend: every plotted value as a dot with its date, the range shaded, the scale
 * written. A table of the same values follows for screen readers and for reading exact numbers.
 */
export function TrendChart({ title, series }: Props) {
  const shape = plot(series, W, H, 8);
  if (!shape) return null;
  const unit = series[series.length - 1]?.unit ?? '';
  const first = series[0]!;
  const last = series[series.length - 1]!;
  return (
    <figure class="trend-chart">
      <svg width="100%" viewBox={`0 0 ${W} ${H + 16}`} role="img" aria-label={`${title}: ${series.length} values from ${formatDate(first.at)} to ${formatDate(last.at)}, between ${shape.min} and ${shape.max} ${unit}`}>
        {shape.band && <rect class="band" x={0} y={shape.band.top} width={W} height={Math.max(1, shape.band.bottom - shape.band.top)} />}
        <path class="line" d={shape.line} />
        {shape.line2 && <path class="line line2" d={shape.line2} />}
        {shape.dots.map((d) => (
          <circle key={`${d.x}`} class={d.point.flag ? 'dot flagged' : 'dot'} cx={d.x} cy={d.y} r={2.5}>
            <title>{`${formatDate(d.point.at)}: ${d.point.display}${d.point.flag ? ` (${d.point.flag})` : ''}${d.point.status ? ` (${d.point.status})` : ''}`}</title>
          </circle>
        ))}
        <text x={2} y={10} class="axis">{`${shape.max} ${unit}`}</text>
        <text x={2} y={H - 2} class="axis">{`${shape.min} ${unit}`}</text>
        <text x={2} y={H + 14} class="axis">{formatDate(first.at)}</text>
        <text x={W - 2} y={H + 14} class="axis" text-anchor="end">{formatDate(last.at)}</text>
      </svg>
      <table class="trend-table">
        <caption>{title}: values shown in the chart, newest first</caption>
        <thead>
          <tr><th scope="col">Date</th><th scope="col">Value</th></tr>
        </thead>
        <tbody>
          {[...series].reverse().map((p, i) => (
            <tr key={i}><td>{formatDate(p.at)}</td><td>{p.display}{p.flag ? ` (${p.flag})` : ''}{p.status ? ` (${p.status})` : ''}</td></tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
