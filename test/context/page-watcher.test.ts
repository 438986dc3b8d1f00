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

describe('keeping the page\'s layout where the page puts it', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A watcher whose frames are drawn only when the test says so; `markup` and `exact` are what each read finds. */
  function watched(start: { markup: PageContextReport; exact: PageContextReport }) {
    const page = { ...start };
    let notify = () => {};
    const frames: (() => void)[] = [];
    const reports: PageContextReport[] = [];
    let scans = 0;
    const watcher = watchPage({
      scan: () => (scans++, page.exact),
      preview: () => page.markup,
      afterFrame: (run) => {
        frames.push(run);
        return () => void frames.splice(frames.indexOf(run), 1);
      },
      report: (r) => reports.push(r),
      observe: (cb) => ((notify = cb), () => {}),
      intervalMs: 100,
      now: () => Date.now(),
    });
    vi.advanceTimersByTime(500);
    const burst = () => (notify(), vi.advanceTimersByTime(0));
    return { page, watcher, burst, drawFrame: () => frames.splice(0).forEach((run) => run()), frames, reports, scans: () => scans };
  }

  it('scans a burst that changes nobody after the page\'s next frame, not before it', () => {
    const w = watched({ markup: patient('A'), exact: patient('A') });
    w.burst();
    expect(w.scans()).toBe(1);
    expect(w.frames).toHaveLength(1);
    // The grid hid the banner with CSS: only the exact scan can tell, and it still runs.
    w.page.exact = none;
    w.drawFrame();
    expect(w.scans()).toBe(2);
    expect(w.reports).toEqual([patient('A'), none]);
  });

  it('withdraws the old patient at once when the markup names another, and names the new one only after checking the screen', () => {
    const w = watched({ markup: patient('A'), exact: patient('A') });
    w.page.markup = patient('B');
    w.page.exact = patient('B');
    w.burst();
    expect(w.reports).toEqual([patient('A'), { kind: 'none', url: 'u' }]);
    expect(w.scans()).toBe(1);
    w.drawFrame();
    expect(w.reports).toEqual([patient('A'), { kind: 'none', url: 'u' }, patient('B')]);
  });

  it('does not flicker on a page that always keeps another patient\'s banner hidden by CSS', () => {
    const hiddenToo: PageContextReport = { kind: 'ambiguous', url: 'u', found: ['A', 'H'], reason: 'two' };
    const w = watched({ markup: hiddenToo, exact: patient('A') });
    for (let i = 0; i < 3; i++) {
      w.burst();
      w.drawFrame();
    }
    expect(w.reports).toEqual([patient('A')]);
  });

  it('folds changes made while waiting for the frame into the one scan after it', () => {
    const w = watched({ markup: patient('A'), exact: patient('A') });
    w.burst();
    w.burst();
    w.burst();
    expect(w.frames).toHaveLength(1);
    w.drawFrame();
    expect(w.scans()).toBe(2);
  });

  it('withdraws the old patient as soon as the URL changes, then scans after the frame', () => {
    const w = watched({ markup: patient('A'), exact: patient('A') });
    w.page.markup = patient('B');
    w.page.exact = patient('B');
    w.watcher.rescan('http://epr/app/patient/B');
    expect(w.reports.at(-1)).toEqual({ kind: 'none', url: 'u' });
    w.drawFrame();
    expect(w.reports.at(-1)).toEqual(patient('B'));
  });

  it('reports again, even unchanged, when asked to refresh', () => {
    const w = watched({ markup: patient('A'), exact: patient('A') });
    w.watcher.refresh();
    w.drawFrame();
    expect(w.reports).toEqual([patient('A'), patient('A')]);
  });

  it('stops waiting for a frame when it stops watching', () => {
    const w = watched({ markup: patient('A'), exact: patient('A') });
    w.burst();
    w.watcher.stop();
    expect(w.frames).toHaveLength(0);
  });
});

describe('a URL change and the page drawing the new patient after it', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('scans the burst that follows a URL change at once, not an interval later', () => {
    let current = patient('A');
    let notify = () => {};
    const reports: PageContextReport[] = [];
    const watcher = watchPage({ scan: () => current, report: (r) => reports.push(r), observe: (cb) => ((notify = cb), () => {}), intervalMs: 100, now: () => Date.now() });
    vi.advanceTimersByTime(500);
    current = patient('B');
    watcher.rescan('http://epr/app/patient/B');
    // The banner (with its date of birth) is drawn a moment after the URL changed.
    current = { kind: 'patient', context: { ...(patient('B') as { context: object }).context, birthDate: '1962-03-14' } } as PageContextReport;
    notify();
    vi.advanceTimersByTime(0);
    expect(reports.at(-1)).toEqual(current);
  });
});
