/**
 * Per-tab patient context, kept in session storage by the background so it survives the MV3
 * service worker being stopped, and read by the panel. Content scripts cannot read it.
 */
import type { KeyValueStore } from '../sources/key-value-store';
import type { PageContextReport } from './patient-context';

const PREFIX = 'tab-context:';

/** The storage key holding one tab's report. */
export const tabContextKey = (tabId: number) => `${PREFIX}${tabId}`;

/** Records what a tab's page says about its patient. */
export async function setTabReport(store: KeyValueStore, tabId: number, report: PageContextReport): Promise<void> {
  await store.set(tabContextKey(tabId), report);
}

/** What a tab's page last said, or undefined if it never said anything. */
export async function getTabReport(store: KeyValueStore, tabId: number): Promise<PageContextReport | undefined> {
  return (await store.get(tabContextKey(tabId))) as PageContextReport | undefined;
}

/**
 * Withdraws a tab's context when it navigates. A report already made for the new URL (the
 * content script can be quicker than the tab event) is kept.
 */
export async function withdrawOnNavigation(store: KeyValueStore, tabId: number, newUrl: string | undefined): Promise<void> {
  const current = await getTabReport(store, tabId);
  if (!current) return;
  const reportUrl = current.kind === 'patient' ? current.context.url : current.url;
  if (newUrl !== undefined && reportUrl === newUrl) return;
  await setTabReport(store, tabId, { kind: 'none', url: newUrl ?? '' });
}

/** Forgets a closed tab. */
export async function forgetTab(store: KeyValueStore, tabId: number): Promise<void> {
  await store.remove(tabContextKey(tabId));
}
