import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchPage } from '@/lib/context/page-watcher';
import type { PageContextReport } from '@/lib/context/patient-context';

const none: PageContextReport = { kind: 'none', url: 'u' };
const patient = (value: string): PageContextReport => ({
  kind: 'patient',
  context: { key: value, identifier: { system: 's', value }, origin: 'page', url: 'u', detectedAt: 0 },
});

describe('watching a single-page EPR', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('scans once per burst of mutations, at once after a quiet spell, and reports only changes', () => {
    let current = patient('A');
    let notify = () => {};
    const reports: PageContextReport[] = [];
    watchPage({ scan: () => current, report: (r) => reports.push(r), observe: (cb) => ((notify = cb), () => {}), intervalMs: 100, now: () => Date.now() });
    expect(reports).toEqual([patient('A')]);

    vi.advanceTimersByTime(500);
    current = patient('B');
    for (let i = 0; i < 20; i++) notify();
    expect(reports).toHaveLength(1);
    vi.advanceTimersByTime(0);
    expect(reports).toEqual([patient('A'), patient('B')]);

    notify();
    vi.advanceTimersByTime(100);
    expect(reports).toHaveLength(2);
  });

  it('scans a page that changes every 50 ms no more often than the interval', () => {
    let scans = 0;
    let notify = () => {};
    watchPage({ scan: () => (scans++, none), report: () => {}, observe: (cb) => ((notify = cb), () => {}), intervalMs: 200, now: () => Date.now() });
    const ticker = setInterval(() => notify(), 50);
    vi.advanceTimersByTime(2000);
    clearInterval(ticker);
    // The first scan, then at most one per 200 ms over two seconds.
    expect(scans).toBeLessThanOrEqual(1 + 10);
    expect(scans).toBeGreaterThanOrEqual(8);
  });

  it('backs off when a scan is slow', () => {
    let scans = 0;
    let notify = () => {};
    let clock = 0;
    // Each scan costs 10 ms of page time: 20 × 10 ms = 200 ms between scans, not the 50 ms interval.
    watchPage({ scan: () => ((clock += 10), scans++, none), report: () => {}, observe: (cb) => ((notify = cb), () => {}), intervalMs: 50, now: () => clock + Date.now() });
    const ticker = setInterval(() => notify(), 10);
    vi.advanceTimersByTime(1000);
    clearInterval(ticker);
    expect(scans).toBeLessThanOrEqual(7);
  });

  it('scans at once on a URL change, with the new URL, without waiting', () => {
    let current = patient('A');
    const reports: PageContextReport[] = [];
    const urls: (string | undefined)[] = [];
    const watcher = watchPage({ scan: (url) => (urls.push(url), current), report: (r) => reports.push(r), observe: () => () => {}, intervalMs: 1000 });
    current = none;
    watcher.rescan('http://epr/app');
    expect(reports.at(-1)).toEqual(none);
    expect(urls.at(-1)).toBe('http://epr/app');
  });
});
