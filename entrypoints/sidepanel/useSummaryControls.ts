/**
 * The panel's summary controls wired to the browser: the lens (policy default or the clinician's
 * saved choice, then the switcher), the last-seen snapshot, "as of", online state and pop-out.
 * Copy is in copy-summary.ts, fetched on its first use.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadEffectiveConfig, onEffectiveConfigChanged } from '@/lib/config/effective-config';
import type { LookupView } from '@/lib/lookup';
import { snapshotOf, type Snapshot } from '@/lib/summary/diff';
import { isLensId, type LensId } from '@/lib/summary/lens';
import { SUMMARY_VERSION } from '@/lib/summary/model';

/** The lens: starts at the effective default; the switcher's choice holds for this panel. */
export function useLens(): [LensId, (lens: LensId) => void] {
  const [chosen, setChosen] = useState<LensId | undefined>(undefined);
  const [fallback, setFallback] = useState<LensId>('general');
  useEffect(() => {
    const take = (lens: unknown) => isLensId(lens) && setFallback(lens);
    void loadEffectiveConfig().then((c) => take(c.defaultLens), () => undefined);
    return onEffectiveConfigChanged((c) => take(c.defaultLens));
  }, []);
  return [chosen ?? fallback, setChosen];
}

/**
 * What this browser showed for the patient last time: the saved copy the look-up read before
 * fetching, which is the summary the previous look ended on (it lives, encrypted, in lib/cache).
 */
export function usePrevious(view: LookupView | undefined): Snapshot | undefined {
  const cached = view?.cached;
  return useMemo(() => (cached && cached.value.version === SUMMARY_VERSION ? snapshotOf(cached.value) : undefined), [cached]);
}

/** When the current look-up completed. */
export function useAsOf(view: LookupView | undefined): number | undefined {
  const [asOf, setAsOf] = useState<number | undefined>(undefined);
  const complete = view?.complete;
  useEffect(() => setAsOf(complete ? Date.now() : undefined), [complete, view?.context.key]);
  return asOf;
}

/** The browser's own idea of being online, kept current. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** Opens the panel in its own window, pinned to the tab it follows now. */
export function popOut(tabId: number | undefined): (() => void) | undefined {
  if (tabId === undefined || new URLSearchParams(location.search).has('tab')) return undefined;
  return () => {
    const url = browser.runtime.getURL(`/sidepanel.html?tab=${tabId}`);
    void browser.windows.create({ url, type: 'popup', width: 480, height: 900 });
  };
}
