/**
 * CPU time from /proc: the whole machine's (/proc/stat) and each process's (/proc/<pid>/stat), in
 * clock ticks. Parsers apart from the reads, so they are tested on text.
 */
import { readdirSync, readFileSync } from 'node:fs';

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
