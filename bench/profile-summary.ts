/** Where a CPU profile's time went: self time by file and by function, and the idle share. */
import type { RequestRecord } from './network';
import type { Marks } from './panel';

export interface CpuProfile {
  readonly nodes: readonly { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly startTime: number;
}

/** Top files and functions by self time over the whole profile (it spans one look-up). */
export function summariseProfile(profile: CpuProfile, marks: Marks, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const files = new Map<string, number>();
  const fns = new Map<string, number>();
  let total = 0;
  const from = marks.context;
  const to = marks.complete;
  // Each sample lasts until the next one.
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]!);
    if (!node) continue;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    total += dt;
    const file = node.callFrame.url.replace(/^chrome-extension:\/\/[^/]+/, '') || `(${node.callFrame.functionName || 'native'})`;
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
    files.set(file, (files.get(file) ?? 0) + dt);
    fns.set(fn, (fns.get(fn) ?? 0) + dt);
  }
  const list = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`).join('\n');
  const span = from !== undefined && to !== undefined ? ` (look-up ${(to - from).toFixed(0)} ms)` : '';
  return `profiled ${total.toFixed(0)} ms${span}\nby file:\n${list(files)}\nby function:\n${list(fns)}`;
}

/** Each request as `+start  wait  total  bytes  url`, ms from the first request. */
export function timeline(requests: readonly RequestRecord[]): string {
  const sorted = [...requests].sort((a, b) => a.sentAt - b.sentAt);
  const t0 = sorted[0]?.sentAt ?? 0;
  const ms = (s: number | undefined) => (s === undefined ? '     ?' : ((s - t0) * 1000).toFixed(0).padStart(6));
  return sorted
    .map((r) => `${ms(r.sentAt)} ${ms(r.firstByteAt)} ${ms(r.doneAt)} ${String(r.bytes).padStart(8)}  ${r.method} ${r.url.replace(/^https?:\/\/[^/]+/, '').slice(0, 110)}`)
    .join('\n');
}
