/**
 * The background's one writer of tab context. Every event that may change who a tab's patient is
 * goes through here, one at a time per tab: the tab's sources are updated, the answer resolved by
 * precedence (resolve-context.ts), published to an open panel at once and written where a panel
 * opened later reads it.
 *
 * What it wrote is also kept in memory (tab-memory.ts), so resolving never waits on storage.
 */
import type { KeyValueStore } from '../sources/key-value-store';
import { keyedQueue } from './keyed-queue';
import type { PageContextReport, PatientContext } from './patient-context';
import { resolveTabContext, type HubContext } from './resolve-context';
import { setTabReport, tabContextKey, type TabReportUpdate } from './tab-contexts';
import { HUB_KEY, tabMemory } from './tab-memory';
import { afterNavigation, tabSourcesKey, tabsWithSources, type TabSources } from './tab-sources';

export interface TabContextDeps {
  readonly store: KeyValueStore;
  /** True when pages at this URL take part in the FHIRcast session (their rule says so). */
  readonly hubAppliesTo: (url: string) => boolean | Promise<boolean>;
  readonly now: () => number;
  /** Tells an open panel a tab's new answer before it is stored (it may not be listening). */
  readonly publish?: (update: TabReportUpdate) => void;
}

export type TabContexts = ReturnType<typeof createTabContexts>;

/** @param deps - the session store, the FHIRcast site test, a clock and where to publish answers */
export function createTabContexts(deps: TabContextDeps) {
  const { store, now } = deps;
  const queue = keyedQueue();
  const writes = keyedQueue();
  const memory = tabMemory(store, now);

  /**
   * Applies `change` to a tab's sources, publishes the resolved answer and writes both; no-op when
   * `change` returns undefined. The tab's next change waits for this one to be published, not
   * stored: its writes follow this one's in order, but a switch is not held up behind storage.
   */
  const update = async (tabId: number, change: (current: TabSources | undefined) => TabSources | undefined) => {
    const stored = await queue(tabId, async () => {
      const next = change(await memory.sources(tabId));
      if (!next) return undefined;
      memory.remember(tabId, next);
      const report = resolveTabContext(next, await memory.hub(), await deps.hubAppliesTo(next.url));
      const revision = memory.nextRevision();
      deps.publish?.({ tabId, report, revision });
      return { done: writes(tabId, () => Promise.all([store.set(tabSourcesKey(tabId), next), setTabReport(store, tabId, report, revision)])) };
    });
    await stored?.done;
  };

  const fresh = (url: string): TabSources => ({ url, frames: {}, navigatedAt: now() });

  return {
    /** A frame's content script reported what its page shows. */
    pageReport: (tabId: number, frameId: number, tabUrl: string, report: PageContextReport) =>
      update(tabId, (s) => {
        // The top frame is already at another URL: the tab navigated and the browser's event saying
        // so is still on its way. What the tab showed before is withdrawn now, as that event will.
        const moved = s !== undefined && frameId === 0 && s.url !== tabUrl;
        const base = s === undefined ? fresh(tabUrl) : moved ? afterNavigation(s, tabUrl, now()) : s;
        return { ...base, url: tabUrl, frames: { ...base.frames, [String(frameId)]: report } };
      }),
    /** A SMART EHR launch named this tab's patient. */
    launch: (tabId: number, tabUrl: string, context: PatientContext) => update(tabId, (s) => ({ ...(s ?? fresh(tabUrl)), url: tabUrl, launch: context })),
    /** The clinician looked up a selected NHS number in this tab. */
    selection: (tabId: number, tabUrl: string, context: PatientContext) => update(tabId, (s) => ({ ...(s ?? fresh(tabUrl)), url: tabUrl, selection: context })),
    /** The tab navigated (`url` undefined: reloaded): what it showed is withdrawn at once. */
    navigated: (tabId: number, url: string | undefined) => update(tabId, (s) => s && afterNavigation(s, url, now())),
    /** The tab closed. */
    closed: async (tabId: number) => {
      const removed = await queue(tabId, async () => {
        memory.remember(tabId, undefined);
        deps.publish?.({ tabId, report: undefined, revision: memory.nextRevision() });
        return { done: writes(tabId, () => store.remove([tabSourcesKey(tabId), tabContextKey(tabId)])) };
      });
      await removed.done;
    },
    /** The FHIRcast session's patient changed (or was closed): every tab is resolved again. */
    hubChanged: async (context: PatientContext | undefined) => {
      const hub: HubContext = { context, receivedAt: now() };
      memory.rememberHub(hub);
      const saved = store.set(HUB_KEY, hub);
      const tabs = new Set([...(await tabsWithSources(store)), ...memory.tabs()]);
      await Promise.all([saved, ...[...tabs].map((tabId) => update(tabId, (s) => s))]);
    },
  };
}
