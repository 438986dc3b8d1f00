// The physical floor: RTT × fewest rounds + server time + transfer, the slowest source's for a look-up.
import { describe, expect, it } from 'vitest';
import { describeFloor, fewestRounds, lookupFloor, sourceFloor } from '../../bench/floor';
import { unionMs } from '../../bench/scenarios/wan-rows';

describe('fewestRounds', () => {
  it('is one round when every search fits one page', () => {
    expect(fewestRounds([12, 40, 0, 999], 1000)).toBe(1);
  });

  it('adds each further page of the longest series, followed one after another', () => {
    expect(fewestRounds([6283, 191, 30], 1000)).toBe(7);
    expect(fewestRounds([1000, 1001], 1000)).toBe(2);
  });

  it('still costs one round where the patient is not known', () => {
    expect(fewestRounds([], 1000)).toBe(1);
  });
});

describe('sourceFloor', () => {
  it('adds RTT × rounds, server time and the bytes at the link rate', () => {
    // 250,000 bytes are 2,000,000 bits: 100 ms at 20 Mbit/s.
    const f = sourceFloor({ rttMs: 60, mbitPerS: 20, rounds: 7, serverMs: 180, bytes: 250_000 });
    expect(f.transferMs).toBe(100);
    expect(f.floorMs).toBe(60 * 7 + 180 + 100);
    expect(describeFloor('acute', f)).toBe('acute 60×7 + 180 + 100 = 700 ms');
  });
});

describe('lookupFloor', () => {
  it('is the slowest source’s floor, since sources are asked side by side', () => {
    const floor = lookupFloor({
      gp: { rttMs: 30, mbitPerS: 20, rounds: 1, serverMs: 20, bytes: 50_000 },
      mh: { rttMs: 120, mbitPerS: 20, rounds: 1, serverMs: 10, bytes: 25_000 },
    });
    expect(floor.slowest).toBe('mh');
    expect(floor.floorMs).toBe(120 + 10 + 10);
    expect(floor.sources['gp']?.floorMs).toBe(30 + 20 + 20);
  });

  it('refuses a look-up with no source', () => {
    expect(() => lookupFloor({})).toThrow();
  });
});

describe('unionMs (server time)', () => {
  it('counts overlapping requests at the server once', () => {
    expect(unionMs([[0, 10], [5, 20], [30, 35]])).toBe(25);
    expect(unionMs([[30, 35], [0, 40]])).toBe(40);
    expect(unionMs([])).toBe(0);
  });
});
