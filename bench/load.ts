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
  /** Clock ticks of this process tree, exited and reaped children included. */
  readonly ours: number;
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
  /** utime + stime + cutime + cstime: a reaped child's time moves into its parent's, so a tree's sum never loses it. */
  readonly ticks: number;
}

/** One /proc/<pid>/stat line. The command name may hold spaces and brackets, so fields are read after its last `)`. */
export function parseProcessTicks(stat: string): ProcessTicks {
  const close = stat.lastIndexOf(')');
  const pid = Number(stat.slice(0, stat.indexOf(' ')));
  const fields = stat.slice(close + 2).trim().split(/\s+/);
  // After the name: state, ppid, … utime (14th field of the line), stime, cutime, cstime.
  const n = (i: number) => Number(fields[i] ?? 0);
  return { pid, ppid: n(1), ticks: n(11) + n(12) + n(13) + n(14) };
}

/** Sum of the ticks of `root` and every process descended from it. */
export function treeTicks(processes: readonly ProcessTicks[], root: number): number {
  const children = new Map<number, ProcessTicks[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let sum = 0;
  const stack = processes.filter((p) => p.pid === root);
  while (stack.length) {
    const p = stack.pop()!;
    sum += p.ticks;
    stack.push(...(children.get(p.pid) ?? []));
  }
  return sum;
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

/** Shares of the machine's CPU between two samples. */
export function shareBetween(from: LoadSample, to: LoadSample): LoadShare {
  const total = to.total - from.total;
  if (total <= 0) return { others: 0, ours: 0 };
  const ours = Math.max(0, to.ours - from.ours);
  const others = Math.max(0, to.busy - from.busy - ours);
  return { others: Math.min(1, others / total), ours: Math.min(1, ours / total) };
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
    /** Per-interval shares between two marks, and the share over the whole span. */
    between(from: number, to: number): { intervals: LoadShare[]; overall?: LoadShare } {
      const span = samples.slice(Math.max(0, from), to + 1);
      const intervals = span.slice(1).map((s, i) => shareBetween(span[i]!, s));
      return { intervals, ...(span.length > 1 ? { overall: shareBetween(span[0]!, span[span.length - 1]!) } : {}) };
    },
    stop: () => clearInterval(timer),
  };
}
