import type { ResultPoint } from '../lib/summary/model';
import { plot } from './trend-geometry';

interface Props {
  /** Oldest first, all in one unit. */
  readonly series: readonly ResultPoint[];
}

const W = 72;
const H = 20;

/** A tiny trend of the last values with the reference range shaded; purely visual (the button says it in words). */
export function Sparkline({ series }: Props) {
  const shape = plot(series, W, H);
  if (!shape) return null;
  return (
    <svg class="sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
      {shape.band && <rect class="band" x={0} y={shape.band.top} width={W} height={Math.max(1, shape.band.bottom - shape.band.top)} />}
      <path class="line" d={shape.line} />
      {shape.line2 && <path class="line line2" d={shape.line2} />}
      {shape.dots.length > 0 && <circle class="dot" cx={shape.dots[shape.dots.length - 1]!.x} cy={shape.dots[shape.dots.length - 1]!.y} r={2} />}
    </svg>
  );
}
