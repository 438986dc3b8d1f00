/**
 * How busy the machine was with other work while the bench ran. On a shared 2-core machine another
 * build or test run slows the panel, the browser and the sandbox alike, so a figure means little
 * without the load beside it. Read from /proc: the whole machine's CPU time (/proc/stat) minus
 * this bench's process tree (itself, the in-process sandbox, Chromium and its children).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Other processes above this share of the machine's CPU make a scenario's figures noisy. */
export const NOISY_SHARE = 0.25;

export interface CpuTicks {
  /** Clock ticks the machine's CPUs spent busy (not idle, not waiting for I/O). */
  readonly busy: number;
  /** Clock ticks of every state. */
  readonly total: number;
}

export interface LoadSample extends CpuTicks {
  /** Epoch ms. */
  readonly at: number;
  /** Clock ticks used so far by each live process of this bench's tree, by pid. */
  readonly ours: ReadonlyMap<number, number>;
}

/** The aggregate `cpu` line of /proc/stat. Guest time is already inside user time, so it is left out. */
export function parseCpuTicks(procStat: string): CpuTicks {
  const line = procStat.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) throw new Error('no aggregate cpu line in /proc/stat');
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  const total = user + nice + system + idle + iowait + irq + softirq + steal;
  return { busy: total - idle - iowait, total };
}

export interface ProcessTicks {
  readonly pid: number;
  readonly ppid: number;
  /** utime + stime: the process's own time, not its reaped children's (those were counted while they lived). */
  readonly ticks: number;
}

/** One /proc/<pid>/stat line. The command name may hold spaces and brackets, so fields are read after its last `)`. */
export function parseProcessTicks(stat: string): ProcessTicks {
  const close = stat.lastIndexOf(')');
  const pid = Number(stat.slice(0, stat.indexOf(' ')));
  const fields = stat.slice(close + 2).trim().split(/\s+/);
  // After the name: state, ppid, … utime (14th field of the line), stime.
  const n = (i: number) => Number(fields[i] ?? 0);
  return { pid, ppid: n(1), ticks: n(11) + n(12) };
}

/**
 * The ticks of `root` and every process descended from it, by pid. Kept per process, not summed:
 * when Chromium closes a page its renderer exits and may be reaped outside the tree, and a sum
 * would lose its whole life's time at once and hand it to "others".
 */
export function treeTicks(processes: readonly ProcessTicks[], root: number): Map<number, number> {
  const children = new Map<number, ProcessTicks[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const out = new Map<number, number>();
  const stack = processes.filter((p) => p.pid === root);
  while (stack.length) {
    const p = stack.pop()!;
    out.set(p.pid, p.ticks);
    stack.push(...(children.get(p.pid) ?? []));
  }
  return out;
}

function readProcesses(): ProcessTicks[] {
  const out: ProcessTicks[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      out.push(parseProcessTicks(readFileSync(`/proc/${name}/stat`, 'utf8')));
    } catch {
      // Gone between the listing and the read.
    }
  }
  return out;
}

/** A sample now; undefined where /proc is not there to read. */
export function sampleLoad(root = process.pid): LoadSample | undefined {
  try {
    return { at: Date.now(), ...parseCpuTicks(readFileSync('/proc/stat', 'utf8')), ours: treeTicks(readProcesses(), root) };
  } catch {
    return undefined;
  }
}

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
