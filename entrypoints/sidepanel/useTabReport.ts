import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageContextReport } from '@/lib/context/patient-context';
import { getTabReport, tabContextKey } from '@/lib/context/tab-contexts';
import type { KeyValueStore } from '@/lib/sources/key-value-store';

/**
 * Who the followed tab's patient is, live. The answer is kept with the tab it belongs to, so on a
 * tab switch the very next render already has none: the previous tab's patient is never drawn
 * beside the new tab, not even for one frame.
 */
export function useTabReport(store: KeyValueStore, tabId: number | undefined): PageContextReport | undefined {
  const [state, setState] = useState<{ readonly tabId: number; readonly report: PageContextReport | undefined } | undefined>(undefined);

  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    let changed = false;
    const key = tabContextKey(tabId);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session' || !(key in changes)) return;
      changed = true;
      setState({ tabId, report: changes[key]!.newValue as PageContextReport | undefined });
    };
    browser.storage.onChanged.addListener(onChanged);
    // A change seen while the first read was under way is newer than what the read returns.
    void getTabReport(store, tabId).then((initial) => live && !changed && setState({ tabId, report: initial }));
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [store, tabId]);

  return state !== undefined && state.tabId === tabId ? state.report : undefined;
}
