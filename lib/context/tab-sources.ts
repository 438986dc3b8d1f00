/**
 * Everything that has said who one tab's patient is: each frame's page report, a SMART EHR launch
 * and a look-up of a selected NHS number. Kept by the background in session storage; the panel
 * reads only the resolved answer (tab-contexts.ts).
 */
import type { KeyValueStore } from '../sources/key-value-store';
import { TOP_FRAME } from './frame-reports';
import type { PageContextReport, PatientContext } from './patient-context';

export interface TabSources {
  /** The tab's URL as the browser last said. */
  readonly url: string;
  readonly frames: Readonly<Record<string, PageContextReport>>;
  readonly launch?: PatientContext;
  readonly selection?: PatientContext;
  /** When the tab last navigated (background clock): FHIRcast context from before then does not apply to it. */
  readonly navigatedAt: number;
}

const PREFIX = 'tab-sources:';

/** The storage key of one tab's sources. */
export const tabSourcesKey = (tabId: number) => `${PREFIX}${tabId}`;

/** The ids of every tab with stored sources. */
export async function tabsWithSources(store: KeyValueStore): Promise<number[]> {
  return (await store.keys()).filter((k) => k.startsWith(PREFIX)).map((k) => Number(k.slice(PREFIX.length)));
}

/** A tab's sources, or undefined when nothing has spoken for it yet. */
export async function getTabSources(store: KeyValueStore, tabId: number): Promise<TabSources | undefined> {
  return (await store.get(tabSourcesKey(tabId))) as TabSources | undefined;
}

const reportUrl = (r: PageContextReport) => (r.kind === 'patient' ? r.context.url : r.url);

/**
 * What survives a navigation to `newUrl`: nothing, except what was already said for the new URL
 * (a content script can report before the browser's tab event arrives).
 * @param newUrl - undefined for a reload: then nothing survives
 */
export function afterNavigation(sources: TabSources, newUrl: string | undefined, now: number): TabSources {
  const top = sources.frames[TOP_FRAME];
  const keep = <T>(value: T | undefined, url: string | undefined): T | undefined => (newUrl !== undefined && url === newUrl ? value : undefined);
  const kept = keep(top, top && reportUrl(top));
  return {
    url: newUrl ?? sources.url,
    frames: kept ? { [TOP_FRAME]: kept } : {},
    launch: keep(sources.launch, sources.launch?.url),
    selection: keep(sources.selection, sources.selection?.url),
    navigatedAt: now,
  };
}
