/**
 * How busy the machine was with other work while the bench ran. On a shared 2-core machine another
 * build or test run slows the panel, the browser and the sandbox alike, so a figure means little
 * without the load beside it. Read from /proc: the whole machine's CPU time (/proc/stat) minus
 * this bench's process tree (itself, the in-process sandbox, Chromium and its children).
 */
import { sampleLoad, type LoadSample } from './proc-stat';

/** Other processes above this share of the machine's CPU make a scenario's figures noisy. */
export const NOISY_SHARE = 0.25;

export interface LoadShare {
  /** Share of the whole machine's CPU (all cores) used by other processes, 0–1. */
  readonly others: number;
  /** Share used by this bench (browser and sandbox included). */
  readonly ours: number;
}

/** Clock ticks of one interval: the machine's, others' and ours. */
export interface IntervalTicks {
  readonly total: number;
  readonly others: number;
  readonly ours: number;
}

/**
 * Ticks between two samples, taken close together (a second apart). Ours: each of our processes'
 * growth, a process new since `from` counted whole; a process that exited in between loses only
 * its last interval's time, which goes to others.
 */
export function ticksBetween(from: LoadSample, to: LoadSample): IntervalTicks {
  const total = Math.max(0, to.total - from.total);
  let ours = 0;
  for (const [pid, ticks] of to.ours) ours += Math.max(0, ticks - (from.ours.get(pid) ?? 0));
  ours = Math.min(ours, Math.max(0, to.busy - from.busy));
  return { total, ours, others: Math.max(0, to.busy - from.busy - ours) };
}

/** Shares of the machine's CPU over intervals taken together. */
export function shareOf(intervals: readonly IntervalTicks[]): LoadShare {
  const sum = (pick: (t: IntervalTicks) => number) => intervals.reduce((n, t) => n + pick(t), 0);
  const total = sum((t) => t.total);
  return total > 0 ? { others: sum((t) => t.others) / total, ours: sum((t) => t.ours) / total } : { others: 0, ours: 0 };
}

/** Shares of the machine's CPU between two samples a second or so apart. */
export function shareBetween(from: LoadSample, to: LoadSample): LoadShare {
  return shareOf([ticksBetween(from, to)]);
}

/** Samples every `intervalMs` in the background, so a scenario's load is seen second by second. */
export function startLoadSampler(intervalMs = 1000) {
  const samples: LoadSample[] = [];
  const take = () => {
    const s = sampleLoad();
    if (s) samples.push(s);
  };
  take();
  const timer = setInterval(take, intervalMs);
  timer.unref();
  return {
    /** Takes a sample now and returns its index, to bound a scenario. */
    mark(): number {
      take();
      return samples.length - 1;
    },
    /** Per-interval shares between two marks, and the share over the whole span (its intervals' ticks summed). */
    between(from: number, to: number): { intervals: LoadShare[]; overall?: LoadShare } {
      const span = samples.slice(Math.max(0, from), to + 1);
      const ticks = span.slice(1).map((s, i) => ticksBetween(span[i]!, s));
      // A mark falls between two timed samples: its sliver of an interval, a tick or two, would
      // read as 0 % or 100 % in the spread. The overall share counts every tick all the same.
      const whole = span.slice(1).flatMap((s, i) => (s.at - span[i]!.at >= intervalMs / 2 ? [shareOf([ticks[i]!])] : []));
      return { intervals: whole, ...(ticks.length ? { overall: shareOf(ticks) } : {}) };
    },
    stop: () => clearInterval(timer),
  };
}
