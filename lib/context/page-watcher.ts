/**
 * Watches a page for its patient changing: DOM mutations and URL changes (single-page EPRs switch
 * patient without a page load), reporting only when the answer changes.
 *
 * A change after a quiet spell is scanned at once (the next task, so one burst of mutations is one
 * scan): the old patient must disappear the moment the page stops showing them. A page that keeps
 * changing (a clock, a ticker every 50 ms) is scanned at most every `intervalMs`, stretched when a
 * scan is slow, so the EPR page never spends more than a few per cent of its time on fhirside.
 */
import { sameReport, type PageContextReport } from './patient-context';

export interface PageWatcherDeps {
  /** Scans the page; `url` is the new URL on a navigation (the page may not show it yet). */
  readonly scan: (url?: string) => PageContextReport;
  readonly report: (report: PageContextReport) => void;
  /** Observe DOM changes; returns a function that stops observing. */
  readonly observe: (onChange: () => void) => () => void;
  /** Least time between two scans. */
  readonly intervalMs: number;
  readonly now?: () => number;
}

/** Scan time × this is the least gap after it: a 1 ms scan allows 50 scans a second at most. */
const COST_FACTOR = 20;

/** Starts watching; scans at once, then after each burst of changes. Returns a stop function. */
export function watchPage(deps: PageWatcherDeps): { rescan: (url?: string) => void; refresh: () => void; stop: () => void } {
  const now = deps.now ?? (() => performance.now());
  let last: PageContextReport | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastScanAt = -Infinity;
  let gap = deps.intervalMs;
  const scanNow = (url?: string) => {
    timer = undefined;
    const started = now();
    const current = deps.scan(url);
    lastScanAt = now();
    gap = Math.max(deps.intervalMs, (lastScanAt - started) * COST_FACTOR);
    if (!sameReport(last, current)) {
      last = current;
      deps.report(current);
    }
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(scanNow, Math.max(0, lastScanAt + gap - now()));
  };
  scanNow();
  const unobserve = deps.observe(schedule);
  return {
    // A URL change is scanned at once: the old patient must disappear without waiting.
    rescan: (url) => {
      if (timer !== undefined) clearTimeout(timer);
      scanNow(url);
    },
    // Reports even an unchanged answer: the background has forgotten it (the tab navigated).
    refresh: () => {
      if (timer !== undefined) clearTimeout(timer);
      last = undefined;
      scanNow();
    },
    stop: () => {
      unobserve();
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
