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

  it('reports once per change of patient, after a burst of mutations settles', () => {
    let current = patient('A');
    let notify = () => {};
    const reports: PageContextReport[] = [];
    watchPage({ scan: () => current, report: (r) => reports.push(r), observe: (cb) => ((notify = cb), () => {}), debounceMs: 100 });
    expect(reports).toEqual([patient('A')]);

    current = patient('B');
    for (let i = 0; i < 20; i++) notify();
    expect(reports).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(reports).toEqual([patient('A'), patient('B')]);

    notify();
    vi.advanceTimersByTime(100);
    expect(reports).toHaveLength(2);
  });

  it('scans at once on a URL change, without waiting for the debounce', () => {
    let current = patient('A');
    const reports: PageContextReport[] = [];
    const watcher = watchPage({ scan: () => current, report: (r) => reports.push(r), observe: () => () => {}, debounceMs: 1000 });
    current = none;
    watcher.rescan();
    expect(reports.at(-1)).toEqual(none);
  });
});
