/**
 * Per-tab patient context as the panel reads it: the resolved answer for each tab, kept in
 * session storage by the background so it survives the MV3 service worker being stopped.
 * Content scripts cannot read it.
 */
import type { KeyValueStore } from '../sources/key-value-store';
import type { PageContextReport } from './patient-context';

const PREFIX = 'tab-context:';

/** The storage key holding one tab's report. */
export const tabContextKey = (tabId: number) => `${PREFIX}${tabId}`;

/** Records who a tab's patient is. */
export async function setTabReport(store: KeyValueStore, tabId: number, report: PageContextReport): Promise<void> {
  await store.set(tabContextKey(tabId), report);
}

/** Who a tab's patient is, or undefined if nothing was ever said for it. */
export async function getTabReport(store: KeyValueStore, tabId: number): Promise<PageContextReport | undefined> {
  return (await store.get(tabContextKey(tabId))) as PageContextReport | undefined;
}
