/**
 * Per-tab patient context as the panel reads it: the resolved answer for each tab, kept in
 * session storage by the background so it survives the MV3 service worker being stopped.
 * Content scripts cannot read it.
 *
 * Each answer carries a revision, larger for every later answer: the panel hears an answer twice
 * (a direct message and the storage change, tab-report-message.ts) and the two ways may overtake
 * each other, so the panel keeps only an answer newer than the one it holds.
 */
import type { KeyValueStore } from '../sources/key-value-store';
import type { PageContextReport } from './patient-context';

const PREFIX = 'tab-context:';

/** One tab's answer; `report` undefined: the tab closed, nothing will be said for it again. */
export interface TabReportUpdate {
  readonly tabId: number;
  readonly report: PageContextReport | undefined;
  readonly revision: number;
}

/** A closed tab's answer (its stored report removed) is final: tab ids are not reused. */
const FINAL = Number.POSITIVE_INFINITY;

/** The storage key holding one tab's report. */
export const tabContextKey = (tabId: number) => `${PREFIX}${tabId}`;

/** Records who a tab's patient is; stored as the report itself with its revision beside it. */
export async function setTabReport(store: KeyValueStore, tabId: number, report: PageContextReport, revision = 0): Promise<void> {
  await store.set(tabContextKey(tabId), { ...report, revision });
}

/** A stored value (or a storage change's `newValue`) as a report and its revision. */
export function storedTabReport(tabId: number, stored: unknown): TabReportUpdate {
  if (stored === undefined || stored === null) return { tabId, report: undefined, revision: FINAL };
  const { revision, ...report } = stored as PageContextReport & { revision?: unknown };
  return { tabId, report: report as PageContextReport, revision: typeof revision === 'number' ? revision : 0 };
}

/** Who a tab's patient is, with its revision; undefined if nothing was ever said for it. */
export async function readTabReport(store: KeyValueStore, tabId: number): Promise<TabReportUpdate | undefined> {
  const stored = await store.get(tabContextKey(tabId));
  return stored === undefined ? undefined : storedTabReport(tabId, stored);
}

/** Who a tab's patient is, or undefined if nothing was ever said for it. */
export async function getTabReport(store: KeyValueStore, tabId: number): Promise<PageContextReport | undefined> {
  return (await readTabReport(store, tabId))?.report;
}
