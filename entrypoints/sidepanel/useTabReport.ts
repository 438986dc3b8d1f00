import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageContextReport } from '@/lib/context/patient-context';
import { readTabReport, storedTabReport, tabContextKey, type TabReportUpdate } from '@/lib/context/tab-contexts';
import { asTabReportMessage } from '@/lib/context/tab-report-message';
import type { KeyValueStore } from '@/lib/sources/key-value-store';
import { hopMark } from '@/lib/platform/hop-mark';

/**
 * Who the followed tab's patient is, live. The answer is kept with the tab it belongs to, so on a
 * tab switch the very next render already has none: the previous tab's patient is never drawn
 * beside the new tab, not even for one frame.
 *
 * An answer comes three ways: the first read of storage, the background's direct message and the
 * storage change that follows it. Whichever comes first is drawn; anything older than what is on
 * screen (a late read, a storage change overtaken by a newer message) is dropped by its revision.
 */
export function useTabReport(store: KeyValueStore, tabId: number | undefined): PageContextReport | undefined {
  const [state, setState] = useState<{ readonly tabId: number; readonly report: PageContextReport | undefined } | undefined>(undefined);

  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    let shown = Number.NEGATIVE_INFINITY;
    const apply = (update: TabReportUpdate | undefined) => {
      if (!live || !update || update.tabId !== tabId || update.revision <= shown) return;
      shown = update.revision;
      setState({ tabId, report: update.report });
    };
    const key = tabContextKey(tabId);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && key in changes) apply(storedTabReport(tabId, changes[key]!.newValue));
    };
    // Only the background speaks for a tab: a message from a content script (sent from a tab) is not its answer.
    const onMessage = (value: unknown, sender: { tab?: unknown }) => {
      if (sender.tab !== undefined) return;
      hopMark('tab-report-received');
      apply(asTabReportMessage(value));
    };
    browser.storage.onChanged.addListener(onChanged);
    browser.runtime.onMessage.addListener(onMessage);
    void readTabReport(store, tabId).then(apply);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [store, tabId]);

  return state !== undefined && state.tabId === tabId ? state.report : undefined;
}
