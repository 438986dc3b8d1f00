import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ContextRule } from '@/lib/context/rules';
import { namedSiteFor } from '@/lib/context/rule-sites';
import { hasSiteAccess, requestSiteAccess } from '@/lib/platform/site-access';

/**
 * The followed tab's site when a context rule names it but fhirside has no access there,
 * and `allow`, which asks the browser (it must run from the click).
 * @param rules - the panel's context rules (a configuration change reloads the panel)
 */
export function useSiteAccess(tabId: number | undefined, rules: readonly ContextRule[]): { site: string | undefined; allow: () => void } {
  const [site, setSite] = useState<string | undefined>(undefined);
  const [checked, setChecked] = useState(0);

  useEffect(() => {
    setSite(undefined);
    if (tabId === undefined) return;
    let live = true;
    const check = async () => {
      const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url ?? '';
      const candidate = namedSiteFor(rules, url);
      const needed = candidate && !(await hasSiteAccess(candidate)) ? candidate : undefined;
      if (live) setSite(needed);
    };
    const onUpdated = (id: number, change: { url?: string }) => id === tabId && change.url !== undefined && void check();
    browser.tabs.onUpdated.addListener(onUpdated);
    void check();
    return () => {
      live = false;
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId, checked, rules]);

  const allow = () => {
    if (site) void requestSiteAccess(site).then(() => setChecked((n) => n + 1));
  };
  return { site, allow };
}
