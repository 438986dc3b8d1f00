/**
 * The background's one writer of tab context. Every event that may change who a tab's patient is
 * goes through here, one at a time per tab: the tab's sources are updated, the answer resolved by
 * precedence (resolve-context.ts) and written where the panel reads it.
 */
import type { KeyValueStore } from '../sources/key-value-store';
import { keyedQueue } from './keyed-queue';
import type { PageContextReport, PatientContext } from './patient-context';
import { resolveTabContext, type HubContext } from './resolve-context';
import { tabContextKey } from './tab-contexts';
import { afterNavigation, getTabSources, tabSourcesKey, tabsWithSources, type TabSources } from './tab-sources';

const HUB_KEY = 'fhircast:context';

export interface TabContextDeps {
  readonly store: KeyValueStore;
  /** True when pages at this URL take part in the FHIRcast session (their rule says so). */
  readonly hubAppliesTo: (url: string) => boolean | Promise<boolean>;
  readonly now: () => number;
}

export type TabContexts = ReturnType<typeof createTabContexts>;

/** @param deps - the session store, the FHIRcast site test and a clock */
export function createTabContexts(deps: TabContextDeps) {
  const { store, now } = deps;
  const queue = keyedQueue();

  /** Applies `change` to a tab's sources and writes the resolved answer; no-op when it returns undefined. */
  const update = (tabId: number, change: (current: TabSources | undefined) => TabSources | undefined) =>
    queue(tabId, async () => {
      const next = change(await getTabSources(store, tabId));
      if (!next) return;
      const hub = (await store.get(HUB_KEY)) as HubContext | undefined;
      await store.set(tabSourcesKey(tabId), next);
      await store.set(tabContextKey(tabId), resolveTabContext(next, hub, await deps.hubAppliesTo(next.url)));
    });

  const fresh = (url: string): TabSources => ({ url, frames: {}, navigatedAt: now() });

  return {
    /** A frame's content script reported what its page shows. */
    pageReport: (tabId: number, frameId: number, tabUrl: string, report: PageContextReport) =>
      update(tabId, (s) => {
        const base = s ?? fresh(tabUrl);
        return { ...base, url: tabUrl, frames: { ...base.frames, [String(frameId)]: report } };
      }),
    /** A SMART EHR launch named this tab's patient. */
    launch: (tabId: number, tabUrl: string, context: PatientContext) => update(tabId, (s) => ({ ...(s ?? fresh(tabUrl)), url: tabUrl, launch: context })),
    /** The clinician looked up a selected NHS number in this tab. */
    selection: (tabId: number, tabUrl: string, context: PatientContext) => update(tabId, (s) => ({ ...(s ?? fresh(tabUrl)), url: tabUrl, selection: context })),
    /** The tab navigated (`url` undefined: reloaded): what it showed is withdrawn at once. */
    navigated: (tabId: number, url: string | undefined) => update(tabId, (s) => s && afterNavigation(s, url, now())),
    /** The tab closed. */
    closed: (tabId: number) => queue(tabId, () => store.remove([tabSourcesKey(tabId), tabContextKey(tabId)])),
    /** The FHIRcast session's patient changed (or was closed): every tab is resolved again. */
    hubChanged: async (context: PatientContext | undefined) => {
      await store.set(HUB_KEY, { context, receivedAt: now() } satisfies HubContext);
      await Promise.all((await tabsWithSources(store)).map((tabId) => update(tabId, (s) => s)));
    },
  };
}
