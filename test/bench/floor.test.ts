// The physical floor: RTT × fewest rounds + server time + transfer, the slowest source's for a look-up.
import { describe, expect, it } from 'vitest';
import { describeFloor, fewestRounds, lookupFloor, sourceFloor } from '../../bench/floor';
import type { ServedRequest } from '../../sandbox/link-shaper';
import type { ColdRun } from '../../bench/scenarios/lookup';
import { unionMs, wanRows } from '../../bench/scenarios/wan-rows';
import { single } from '../../bench/stats';

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

describe('wanRows', () => {
  const cold = (from: number, firstScreenMs: number, completeMs: number): ColdRun => ({
    firstScreenMs, completeMs, heapMb: 4, rows: 30, scripts: [], window: { from, to: from + 1000 },
    traffic: { gp: { requests: 3, bytes: 25_000, serverBusyMs: 0 }, mh: { requests: 3, bytes: 25_000, serverBusyMs: 0 } },
  });
  const served = (link: string, arrivedAt: number, readyAt: number): ServedRequest => ({ link, method: 'GET', url: '/fhir/x', arrivedAt, readyAt, bytes: 100 });

  it('takes each source’s server time from the sandbox within each cold look-up, and puts every timing beside the floor and (c)', () => {
    const { rows, floor } = wanRows('wan-typical', [{ scenario: 'wan-typical', metric: 'cold complete', spread: single(280), unit: 'ms' }], {
      links: { gp: { rttMs: 30, mbitPerS: 20 }, mh: { rttMs: 120, mbitPerS: 20 } },
      rounds: { gp: { rounds: 1, totals: {} }, mh: { rounds: 1, totals: {} } },
      // mh busy 10 ms in the first look-up, 20 in the second; what falls outside a look-up is not its.
      served: [served('mh', 10, 20), served('mh', 5000, 5010), served('mh', 5005, 5020), served('mh', 9000, 9500), served('auth', 5001, 5002)],
      cold: [cold(0, 200, 280), cold(5000, 220, 300)],
      baselineC: [{ ms: 560, resources: 1, missed: 0, missedByType: {}, traffic: {} }],
    });
    // mh: 120 + median(10, 20) + 25,000 bytes at 20 Mbit/s (10 ms) = 145 ms.
    expect(floor).toMatchObject({ slowest: 'mh', floorMs: 145 });
    expect(rows.find((r) => r.metric === 'cold complete')?.note).toBe('1.93× floor, 0.50× (c)');
    expect(rows.find((r) => r.metric === 'cold first screen ÷ floor')?.spread?.median).toBeCloseTo(210 / 145);
    expect(rows.find((r) => r.metric === 'token requests in a cold look-up')?.spread).toMatchObject({ min: 0, max: 1 });
  });
});
