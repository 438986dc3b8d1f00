/** One side panel page under measurement: its marks, its FHIR traffic and its heap. */
import type { Page } from 'playwright-core';
import type { BenchBrowser } from './browser';
import { NetworkRecorder } from './network';

export const MARKS = ['context', 'cache-rendered', 'first-screen', 'complete'] as const;
export type MarkName = (typeof MARKS)[number];
/** Each mark's time (ms, panel clock) for the latest look-up; absent when not reached. */
export type Marks = Partial<Record<MarkName, number>>;

export interface RecordedPanel {
  readonly page: Page;
  readonly network: NetworkRecorder;
  close(): Promise<void>;
}

/** Opens `sidepanel.html?tab=<id>` with its network recorded from the first request. */
export async function openRecordedPanel(bench: BenchBrowser, size = { width: 420, height: 860 }): Promise<RecordedPanel> {
  const { context, extensionId } = bench.browser;
  const page = await context.newPage();
  await page.setViewportSize(size);
  const network = await NetworkRecorder.attach(context, page);
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${bench.tabId}`);
  return {
    page,
    network,
    close: async () => {
      await network.detach();
      await page.close();
    },
  };
}

/** The latest look-up's marks. */
export function readMarks(page: Page): Promise<Marks> {
  return page.evaluate((names) => {
    const out: Record<string, number> = {};
    for (const name of names) {
      const all = performance.getEntriesByName(`fhirside:${name}`);
      const last = all[all.length - 1];
      if (last) out[name] = last.startTime;
    }
    return out;
  }, [...MARKS]);
}

/** Waits for a mark of the current look-up. */
export async function waitForMark(page: Page, name: MarkName, timeoutMs = 180_000): Promise<void> {
  await page.waitForFunction((n) => performance.getEntriesByName(`fhirside:${n}`).length > 0, name, { timeout: timeoutMs, polling: 50 });
}

/** Forgets the marks so the next look-up's are the only ones. */
export function clearMarks(page: Page): Promise<void> {
  return page.evaluate(() => performance.clearMarks());
}

/** Live JS heap after a full garbage collection, in MB. */
export async function heapMb(panel: RecordedPanel): Promise<number> {
  await panel.network.cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await panel.network.cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

/** `to - from` in ms when both marks were reached. */
export function between(marks: Marks, from: MarkName, to: MarkName): number | undefined {
  const a = marks[from];
  const b = marks[to];
  return a === undefined || b === undefined ? undefined : b - a;
}
