/**
 * What the background last wrote for each tab, and the FHIRcast patient, kept in memory. The
 * background is their only writer, so it reads them from storage only once after the service
 * worker has (re)started, and a patient switch is resolved without waiting on storage.
 */
import type { KeyValueStore } from '../sources/key-value-store';
import type { HubContext } from './resolve-context';
import { readTabReport } from './tab-contexts';
import { getTabSources, type TabSources } from './tab-sources';

export const HUB_KEY = 'fhircast:context';

/**
 * @param store - the session store the background writes to
 * @param now - the clock revisions are taken from
 */
export function tabMemory(store: KeyValueStore, now: () => number) {
  /** Each tab's sources as last written; a tab absent: not read since the worker started. */
  const written = new Map<number, TabSources | undefined>();
  let hubWritten: { readonly hub: HubContext | undefined } | undefined;
  let lastRevision = 0;

  return {
    /** A tab's sources, read from storage only the first time. */
    async sources(tabId: number): Promise<TabSources | undefined> {
      if (written.has(tabId)) return written.get(tabId);
      const [sources, stored] = await Promise.all([getTabSources(store, tabId), readTabReport(store, tabId)]);
      // After a worker restart the next answer must still outrank the one a panel holds, even if
      // the clock has been put back since.
      lastRevision = Math.max(lastRevision, stored?.revision ?? 0);
      return sources;
    },
    /** Records a tab's sources (undefined: the tab closed). */
    remember: (tabId: number, sources: TabSources | undefined) => void written.set(tabId, sources),
    /** Tabs with sources written since the worker started. */
    tabs: () => [...written].filter(([, s]) => s !== undefined).map(([tabId]) => tabId),
    /** The FHIRcast session's patient, read from storage only the first time. */
    async hub(): Promise<HubContext | undefined> {
      if (hubWritten) return hubWritten.hub;
      const stored = (await store.get(HUB_KEY)) as HubContext | undefined;
      // The hub may have spoken while storage was read: what it said then is newer.
      return (hubWritten ??= { hub: stored }).hub;
    },
    rememberHub: (hub: HubContext) => void (hubWritten = { hub }),
    /** The next answer's revision: the clock, +1 to keep answers apart within one millisecond. */
    nextRevision: () => (lastRevision = Math.max(now(), lastRevision + 1)),
  };
}
