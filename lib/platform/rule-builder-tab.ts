/**
 * The browser side of the rule builder: access to the analyst's chosen site, the builder script
 * injected into every frame of one tab on demand (never registered), and one request to one frame.
 */
import { browser } from 'wxt/browser';
import { builderMessage, type BuilderMessages, type BuilderType } from '../context/rule-builder/messages';

/** WXT's output path for entrypoints/rule-builder.content.ts. */
const SCRIPT_FILE = '/content-scripts/rule-builder.js';

export interface OpenTab {
  readonly id: number;
  readonly title: string;
  readonly url: string;
}

/** The open web pages an analyst may teach fhirside, in every window. */
export async function openWebTabs(): Promise<OpenTab[]> {
  const tabs = await browser.tabs.query({});
  return tabs.flatMap(({ id, title, url }) => (id !== undefined && url && /^https?:/.test(url) ? [{ id, title: title ?? url, url }] : []));
}

/** Calls back when a tab opens, closes or changes address or title. */
export function onTabsChanged(callback: () => void): () => void {
  const updated = (_id: number, change: { url?: string; title?: string; status?: string }) => {
    if (change.url !== undefined || change.title !== undefined || change.status === 'complete') callback();
  };
  browser.tabs.onUpdated.addListener(updated);
  browser.tabs.onRemoved.addListener(callback);
  browser.tabs.onCreated.addListener(callback);
  return () => {
    browser.tabs.onUpdated.removeListener(updated);
    browser.tabs.onRemoved.removeListener(callback);
    browser.tabs.onCreated.removeListener(callback);
  };
}

/** Asks for access to a site (a prompt, on the analyst's click) unless fhirside has it. */
export async function ensureSiteAccess(site: string): Promise<boolean> {
  return (await browser.permissions.contains({ origins: [site] })) || browser.permissions.request({ origins: [site] });
}

/** Injects the builder into every frame of the tab it may read; the frame ids, top frame first. */
export async function injectBuilder(tabId: number): Promise<number[]> {
  const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [SCRIPT_FILE] });
  return [...new Set(results.map((r) => r.frameId))].sort((a, b) => a - b);
}

/** The tab's current address. */
export async function tabUrl(tabId: number): Promise<string> {
  return (await browser.tabs.get(tabId)).url ?? '';
}

/** Sends one builder request to one frame of the tab. */
export async function askFrame<K extends BuilderType>(tabId: number, frameId: number, type: K, body: BuilderMessages[K]['body']): Promise<BuilderMessages[K]['reply']> {
  return (await browser.tabs.sendMessage(tabId, builderMessage(type, body), { frameId })) as BuilderMessages[K]['reply'];
}
