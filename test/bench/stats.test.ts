// Median and p95 of a handful of runs: p95 is nearest-rank, always a measured value.
import { describe, expect, it } from 'vitest';
import { nearestRank, single, spread } from '../../bench/stats';

describe('spread', () => {
  it('gives median, min, max and a p95 that is the slowest of five runs', () => {
    expect(spread([310, 290, 305, 420, 300])).toEqual({ median: 305, p95: 420, min: 290, max: 420, n: 5 });
  });

  it('leaves out runs that reached no figure', () => {
    expect(spread([undefined, 10, Number.NaN, 20])).toMatchObject({ median: 15, p95: 20, n: 2 });
    expect(spread([undefined])).toBeUndefined();
  });

  it('reads p95 of 25 switches as the 24th, not the slowest', () => {
    const xs = Array.from({ length: 25 }, (_, i) => i + 1);
    expect(spread(xs)?.p95).toBe(24);
  });

  it('a single figure is its own median and p95', () => {
    expect(single(68.5)).toEqual({ median: 68.5, p95: 68.5, min: 68.5, max: 68.5, n: 1 });
  });
});

describe('nearestRank', () => {
  it('takes the smallest value with at least p % at or below it', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(nearestRank(xs, 95)).toBe(95);
    expect(nearestRank(xs, 50)).toBe(50);
    expect(nearestRank([7], 95)).toBe(7);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 95)).toBe(19);
  });
});
