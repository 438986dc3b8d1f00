// Machine load from /proc: the whole machine's busy ticks minus this bench's process tree.
import { describe, expect, it } from 'vitest';
import { shareBetween, shareOf, ticksBetween } from '../../bench/load';
import { parseCpuTicks, parseProcessTicks, treeTicks } from '../../bench/proc-stat';
import { isNoisy, loadRow } from '../../bench/load-row';

const PROC_STAT = `cpu  1000 50 300 8000 100 10 20 5 7 0
cpu0 500 25 150 4000 50 5 10 2 3 0
intr 12345
`;

describe('parseCpuTicks', () => {
  it('counts busy time apart from idle and I/O wait, guest time inside user time', () => {
    expect(parseCpuTicks(PROC_STAT)).toEqual({ busy: 1000 + 50 + 300 + 10 + 20 + 5, total: 1000 + 50 + 300 + 8000 + 100 + 10 + 20 + 5 });
  });

  it('refuses a file with no aggregate line', () => {
    expect(() => parseCpuTicks('cpu0 1 2 3 4')).toThrow();
  });
});

describe('parseProcessTicks', () => {
  it('reads pid, parent and its own user + system time', () => {
    const line = '4242 (node) S 4200 4242 4200 0 -1 4194560 1000 0 0 0 150 30 7 3 20 0 11 0 500 1000000 5000';
    expect(parseProcessTicks(line)).toEqual({ pid: 4242, ppid: 4200, ticks: 150 + 30 });
  });

  it('reads past a command name holding spaces and brackets', () => {
    const line = '77 (Web Content (x) ) R 1 77 1 0 -1 0 0 0 0 0 9 1 4 4 20 0 1 0 5 0 0';
    expect(parseProcessTicks(line)).toEqual({ pid: 77, ppid: 1, ticks: 10 });
  });
});

describe('treeTicks', () => {
  it('sums a process and its descendants, not its siblings', () => {
    const processes = [
      { pid: 1, ppid: 0, ticks: 1000 },
      { pid: 10, ppid: 1, ticks: 5 },
      { pid: 11, ppid: 10, ticks: 7 },
      { pid: 12, ppid: 11, ticks: 11 },
      { pid: 20, ppid: 1, ticks: 500 },
    ];
    expect(treeTicks(processes, 10)).toEqual(new Map([[10, 5], [11, 7], [12, 11]]));
    expect(treeTicks(processes, 99).size).toBe(0);
  });
});

describe('ticksBetween and shares', () => {
  const sample = (busy: number, total: number, ours: [number, number][]) => ({ at: 0, busy, total, ours: new Map(ours) });

  it('gives others the machine’s busy time less ours, as shares of all cores', () => {
    const from = sample(1000, 4000, [[1, 300]]);
    const to = sample(1150, 4200, [[1, 350]]);
    expect(shareBetween(from, to)).toEqual({ others: 0.5, ours: 0.25 });
  });

  it('counts a process new in the interval whole, and loses only the last interval of one that exited', () => {
    // pid 2 (300 ticks over its life) is gone: its life is not taken from ours and handed to others.
    const from = sample(1000, 4000, [[1, 300], [2, 300]]);
    const to = sample(1150, 4200, [[1, 330], [3, 20]]);
    expect(ticksBetween(from, to)).toEqual({ total: 200, ours: 50, others: 100 });
  });

  it('never counts more of ours than the machine was busy', () => {
    expect(ticksBetween(sample(0, 0, []), sample(10, 100, [[1, 15]]))).toEqual({ total: 100, ours: 10, others: 0 });
  });

  it('sums intervals by their ticks, not by averaging their shares', () => {
    expect(shareOf([{ total: 100, others: 50, ours: 0 }, { total: 300, others: 50, ours: 100 }])).toEqual({ others: 0.25, ours: 0.25 });
  });
});

describe('loadRow', () => {
  it('flags a scenario noisy when others took more than a quarter of the machine', () => {
    expect(isNoisy({ others: 0.3, ours: 0.5 })).toBe(true);
    expect(isNoisy({ others: 0.1, ours: 0.5 })).toBe(false);
    const row = loadRow('typical', [{ others: 0.2, ours: 0.5 }, { others: 0.6, ours: 0.3 }], { others: 0.4, ours: 0.4 });
    expect(row.spread).toMatchObject({ median: 40, max: 60 });
    expect(row.note).toContain('NOISY');
  });
});
