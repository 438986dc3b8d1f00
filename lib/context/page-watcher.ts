/**
 * Watches a page for its patient changing: DOM mutations and URL changes (single-page EPRs switch
 * patient without a page load), reporting only when the answer changes.
 *
 * A change after a quiet spell is scanned at once (the next task, so one burst of mutations is one
 * scan): the old patient must disappear the moment the page stops showing them. A page that keeps
 * changing (a clock, a ticker every 50 ms) is scanned at most every `intervalMs`, stretched when a
 * scan is slow, so the EPR page never spends more than a few per cent of its time on fhirside.
 *
 * The exact scan checks what is on screen, which makes the browser lay out whatever the page has
 * just drawn (a 500-row grid: ~5 ms) before the page's own next frame would have. With a `preview`
 * and `afterFrame`, a burst is first read from the markup alone, which forces nothing, and scanned
 * exactly only once the page has drawn its frame, reading the layout the page made anyway. When the
 * markup has changed who it names, the patient last reported is withdrawn at once (reported as
 * none) and the exact scan names the new one a frame later: a switch clears the old patient without
 * waiting, and never names a patient that has not been checked on screen.
 */
import { sameReport, type PageContextReport } from './patient-context';

export interface PageWatcherDeps {
  /** Scans the page; `url` is the new URL on a navigation (the page may not show it yet). */
  readonly scan: (url?: string) => PageContextReport;
  /** The page's answer from its markup alone, forcing no style or layout (see page-scan.ts). */
  readonly preview?: () => PageContextReport;
  /** Runs `run` once the page has drawn its next frame; returns a function that cancels it. */
  readonly afterFrame?: (run: () => void) => () => void;
  readonly report: (report: PageContextReport) => void;
  /** Observe DOM changes; returns a function that stops observing. */
  readonly observe: (onChange: () => void) => () => void;
  /** Least time between two scans. */
  readonly intervalMs: number;
  readonly now?: () => number;
}

/** Scan time × this is the least gap after it: a 1 ms scan allows 50 scans a second at most. */
const COST_FACTOR = 20;

const urlOf = (report: PageContextReport) => (report.kind === 'patient' ? report.context.url : report.url);

/** Starts watching; scans at once, then after each burst of changes. Returns a stop function. */
export function watchPage(deps: PageWatcherDeps): { rescan: (url?: string) => void; refresh: () => void; stop: () => void } {
  const now = deps.now ?? (() => performance.now());
  const { preview, afterFrame } = deps;
  let last: PageContextReport | undefined;
  /** What the markup said at the last look: a change in it is a change of who the page names. */
  let previewed: PageContextReport | undefined;
  /** Cancels the scan waiting to run (a timer, or a wait for the page's frame); undefined when none waits. */
  let cancelPending: (() => void) | undefined;
  let lastScanAt = -Infinity;
  let previewMs = 0;
  let gap = deps.intervalMs;
  const tell = (report: PageContextReport) => {
    if (sameReport(last, report)) return;
    last = report;
    deps.report(report);
  };
  const readMarkup = () => {
    if (!preview) return;
    const started = now();
    previewed = preview();
    previewMs += now() - started;
  };
  const scanNow = (url?: string) => {
    cancelPending = undefined;
    const started = now();
    const current = deps.scan(url);
    lastScanAt = now();
    gap = Math.max(deps.intervalMs, (lastScanAt - started + previewMs) * COST_FACTOR);
    previewMs = 0;
    tell(current);
  };
  const scanBurst = () => {
    cancelPending = undefined;
    if (!preview || !afterFrame) return scanNow();
    const before = previewed;
    readMarkup();
    const current = previewed!;
    if (!sameReport(before, current) && last?.kind === 'patient' && !sameReport(last, current)) tell({ kind: 'none', url: urlOf(current) });
    cancelPending = afterFrame(() => scanNow());
  };
  const schedule = () => {
    if (cancelPending !== undefined) return;
    const timer = setTimeout(scanBurst, Math.max(0, lastScanAt + gap - now()));
    cancelPending = () => clearTimeout(timer);
  };
  const cancel = () => {
    cancelPending?.();
    cancelPending = undefined;
  };
  scanNow();
  readMarkup();
  const unobserve = deps.observe(schedule);
  return {
    // A URL change is looked at at once: the old patient must disappear without waiting. The page
    // may draw the new patient just after: that burst is not held back by this look either.
    rescan: (url) => {
      cancel();
      if (preview && afterFrame) scanBurst();
      else scanNow(url);
      lastScanAt = -Infinity;
    },
    // Reports even an unchanged answer: the background has forgotten it (the tab navigated).
    refresh: () => {
      cancel();
      last = undefined;
      if (!preview || !afterFrame) return scanNow();
      readMarkup();
      cancelPending = afterFrame(() => scanNow());
    },
    stop: () => {
      unobserve();
      cancel();
    },
  };
}
