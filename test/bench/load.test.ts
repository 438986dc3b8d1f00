// Machine load from /proc: the whole machine's busy ticks minus this bench's process tree.
import { describe, expect, it } from 'vitest';
import { parseCpuTicks, parseProcessTicks, shareBetween, treeTicks } from '../../bench/load';
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
  it('reads pid, parent and user + system time of itself and its reaped children', () => {
    const line = '4242 (node) S 4200 4242 4200 0 -1 4194560 1000 0 0 0 150 30 7 3 20 0 11 0 500 1000000 5000';
    expect(parseProcessTicks(line)).toEqual({ pid: 4242, ppid: 4200, ticks: 150 + 30 + 7 + 3 });
  });

  it('reads past a command name holding spaces and brackets', () => {
    const line = '77 (Web Content (x) ) R 1 77 1 0 -1 0 0 0 0 0 9 1 0 0 20 0 1 0 5 0 0';
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
    expect(treeTicks(processes, 10)).toBe(23);
    expect(treeTicks(processes, 99)).toBe(0);
  });
});

describe('shareBetween', () => {
  it('gives others the machine’s busy time less ours, as shares of all cores', () => {
    const from = { at: 0, busy: 1000, total: 4000, ours: 300 };
    const to = { at: 1000, busy: 1150, total: 4200, ours: 350 };
    expect(shareBetween(from, to)).toEqual({ others: 0.5, ours: 0.25 });
  });

  it('never goes below zero when our count runs ahead of the machine’s', () => {
    expect(shareBetween({ at: 0, busy: 0, total: 0, ours: 0 }, { at: 1, busy: 10, total: 100, ours: 15 }).others).toBe(0);
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
