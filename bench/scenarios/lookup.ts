/**
 * One patient's look-up as a clinician feels it: cold (nothing saved, a panel just opened), then
 * warm (the same panel, the clinician comes back to the patient: the saved copy is drawn, then
 * revalidated).
 */
import type { BenchBrowser } from '../browser';
import { clearSavedSummaries, waitForSavedSummary } from '../browser';
import type { SourceTraffic } from '../network';
import { between, clearMarks, heapMb, openRecordedPanel, readMarks, waitForMark, type RecordedPanel } from '../panel';

export interface ColdRun {
  readonly firstScreenMs?: number;
  readonly completeMs?: number;
  readonly heapMb: number;
  readonly traffic: Record<string, SourceTraffic>;
  /** Clinical rows on screen at the end. */
  readonly rows: number;
  /** The panel's own scripts it loaded (`/chunks/x.js`). */
  readonly scripts: readonly string[];
  /** Epoch ms from the panel opening to `complete` seen: the sandbox's requests of this look-up fall inside. */
  readonly window: { readonly from: number; readonly to: number };
}

export interface WarmRun {
  /** Context → saved copy on screen. */
  readonly cacheRenderedMs?: number;
  /** Context → revalidated against every source. */
  readonly completeMs?: number;
  readonly traffic: Record<string, SourceTraffic>;
}

/** Opens `url` in the EPR tab and waits for it to load. */
async function showInEpr(bench: BenchBrowser, url: string): Promise<void> {
  await bench.epr.goto(url);
}

/** The panel shows no patient (the EPR tab left the patient). */
async function waitForNoPatient(panel: RecordedPanel): Promise<void> {
  await panel.page.waitForFunction(() => !document.querySelector('[data-patient]'), undefined, { timeout: 30_000, polling: 20 });
}

/**
 * One cold and one warm look-up of the patient at `url`.
 * @param bases - FHIR base per source id, to split the traffic
 */
export async function coldThenWarm(bench: BenchBrowser, url: string, bases: Record<string, string>): Promise<{ cold: ColdRun; warm: WarmRun }> {
  if (bench.epr.url() !== url) await showInEpr(bench, url);
  await clearSavedSummaries(bench);
  const from = Date.now();
  const panel = await openRecordedPanel(bench);
  try {
    await waitForMark(panel.page, 'complete');
    const window = { from, to: Date.now() };
    const coldMarks = await readMarks(panel.page);
    // The look-up is saved just after it is complete; the heap is read once that is done too.
    await waitForSavedSummary(bench);
    const rows = await panel.page.locator('li[data-row]').count();
    // Extension files are not in Resource Timing; the DevTools protocol sees them.
    const scripts = panel.network.requests().map((r) => new URL(r.url)).filter((u) => u.protocol === 'chrome-extension:' && u.pathname.endsWith('.js')).map((u) => u.pathname);
    const cold: ColdRun = {
      firstScreenMs: between(coldMarks, 'context', 'first-screen'),
      completeMs: between(coldMarks, 'context', 'complete'),
      heapMb: await heapMb(panel),
      traffic: panel.network.perSource(bases),
      rows,
      scripts,
      window,
    };

    // The clinician looks away (a page with no patient) and comes back.
    await showInEpr(bench, 'about:blank');
    await waitForNoPatient(panel);
    await clearMarks(panel.page);
    panel.network.reset();
    await showInEpr(bench, url);
    await waitForMark(panel.page, 'complete');
    const warmMarks = await readMarks(panel.page);
    const warm: WarmRun = {
      cacheRenderedMs: between(warmMarks, 'context', 'cache-rendered'),
      completeMs: between(warmMarks, 'context', 'complete'),
      traffic: panel.network.perSource(bases),
    };
    return { cold, warm };
  } finally {
    await panel.close();
  }
}
