import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageContextReport } from '@/lib/context/patient-context';
import { getTabReport, tabContextKey } from '@/lib/context/tab-contexts';
import type { KeyValueStore } from '@/lib/sources/key-value-store';

/** What the followed tab's page says about its patient, live. Switching tab blanks it at once. */
export function useTabReport(store: KeyValueStore, tabId: number | undefined): PageContextReport | undefined {
  const [report, setReport] = useState<PageContextReport | undefined>(undefined);

  useEffect(() => {
    setReport(undefined);
    if (tabId === undefined) return;
    let live = true;
    const key = tabContextKey(tabId);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && key in changes) setReport(changes[key]!.newValue as PageContextReport | undefined);
    };
    browser.storage.onChanged.addListener(onChanged);
    void getTabReport(store, tabId).then((initial) => live && setReport((current) => current ?? initial));
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [store, tabId]);

  return report;
}
