import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { diagnoseTab, type TabDiagnosis } from '@/lib/context/rule-builder/diagnose';
import { ruleForUrl, type ContextRule } from '@/lib/context/rules';
import { getTabReport } from '@/lib/context/tab-contexts';
import { getTabSources } from '@/lib/context/tab-sources';
import { askFrame, injectBuilder, onTabsChanged, openWebTabs } from '@/lib/platform/rule-builder-tab';
import { sessionStore } from '@/lib/platform/session-store';

/**
 * Every open tab's diagnosis, from what the background keeps per tab (session storage), kept
 * current as tabs and their reports change.
 * @param rules - the effective context rules
 */
export function useTabDiagnostics(rules: readonly ContextRule[] | undefined) {
  const [tabs, setTabs] = useState<readonly TabDiagnosis[]>([]);
  const [hidden, setHidden] = useState<Readonly<Record<number, readonly string[]>>>({});

  useEffect(() => {
    if (!rules) return undefined;
    const store = sessionStore();
    let live = true;
    const refresh = async () => {
      const open = await openWebTabs();
      const found = await Promise.all(open.map(async (tab) => diagnoseTab(tab, rules, await getTabSources(store, tab.id), await getTabReport(store, tab.id), hidden[tab.id])));
      if (live) setTabs(found);
    };
    void refresh();
    const onSession = (_changes: unknown, area: string) => area === 'session' && void refresh();
    browser.storage.onChanged.addListener(onSession);
    const stopTabs = onTabsChanged(() => void refresh());
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onSession);
      stopTabs();
    };
  }, [rules, hidden]);

  /** Reads each frame of the tab by the rule its address matches, for values in hidden elements. */
  const lookCloser = async (tabId: number) => {
    const diagnosis = tabs.find((t) => t.tabId === tabId);
    const rule = diagnosis && rules ? ruleForUrl(rules, diagnosis.url) ?? rules.find((r) => r.id === diagnosis.frames.find((f) => f.rule)?.rule) : undefined;
    if (!rule) return;
    const frameIds = await injectBuilder(tabId).catch(() => []);
    const readings = await Promise.all(frameIds.map((frameId) => askFrame(tabId, frameId, 'builder-read', { rule, frameId }).catch(() => undefined)));
    setHidden((h) => ({ ...h, [tabId]: [...new Set(readings.flatMap((r) => r?.hidden ?? []))] }));
  };

  return { tabs, lookCloser };
}
