/**
 * Watches a page for its patient changing: DOM mutations and URL changes (single-page EPRs switch
 * patient without a page load), debounced, reporting only when the answer changes.
 */
import { sameReport, type PageContextReport } from './patient-context';

export interface PageWatcherDeps {
  readonly scan: () => PageContextReport;
  readonly report: (report: PageContextReport) => void;
  /** Observe DOM changes; returns a function that stops observing. */
  readonly observe: (onChange: () => void) => () => void;
  readonly debounceMs: number;
}

/** Starts watching; scans at once, then after each burst of changes. Returns a stop function. */
export function watchPage(deps: PageWatcherDeps): { rescan: () => void; stop: () => void } {
  let last: PageContextReport | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const scanNow = () => {
    timer = undefined;
    const current = deps.scan();
    if (!sameReport(last, current)) {
      last = current;
      deps.report(current);
    }
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(scanNow, deps.debounceMs);
  };
  scanNow();
  const unobserve = deps.observe(schedule);
  return {
    // A URL change is scanned at once: the old patient must disappear without waiting for a debounce.
    rescan: () => {
      if (timer !== undefined) clearTimeout(timer);
      scanNow();
    },
    stop: () => {
      unobserve();
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
