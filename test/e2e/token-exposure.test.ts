/**
 * Tokens stay where only fhirside's trusted pages can reach them, through sign-in, a silent refresh
 * and sign-out: never in storage.local or storage.sync, never in IndexedDB, never in the DOM of the
 * EPR page or the panel, never in a message to a content script. And the content script reads the
 * EPR page without writing a thing into it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser';
import { PORTS } from '../../sandbox/config';
import { ROSTER } from '../../sandbox/data/roster';
import { collectPageErrors, EPR1, launch, openEprWithPanel, patientKey } from './support';

declare const chrome: {
  storage: Record<'session' | 'local' | 'sync', { get(keys: null): Promise<Record<string, unknown>> }>;
  tabs: { sendMessage: (...args: unknown[]) => Promise<unknown> };
};

const ADMIN = `http://127.0.0.1:${PORTS.admin}`;
const patient = (key: string) => ROSTER.find((p) => p.key === key)!;
const SOURCES = ['gp', 'acute', 'mh'];

/** Every access and refresh token in session storage now. */
async function tokensNow(browser: ExtensionBrowser): Promise<string[]> {
  const session = await browser.background.evaluate(() => chrome.storage.session.get(null));
  return Object.entries(session)
    .filter(([key]) => key.startsWith('smart:'))
    .flatMap(([, value]) => {
      const response = (value as { tokenResponse?: { access_token?: string; refresh_token?: string } } | undefined)?.tokenResponse;
      return [response?.access_token, response?.refresh_token].filter((t): t is string => typeof t === 'string' && t.length > 8);
    });
}

/** Everything outside session storage a token could leak into, as one string. */
async function everywhereElse(browser: ExtensionBrowser, pages: readonly Page[]): Promise<string> {
  const storage = await browser.background.evaluate(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]));
  // Every IndexedDB database of the extension, every record, read raw from the panel's origin.
  const idb = await pages.at(-1)!.evaluate(async () => {
    const out: unknown[] = [];
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => Object.assign(indexedDB.open(name!), { onsuccess(this: IDBOpenDBRequest) { resolve(this.result); }, onerror: reject }));
      for (const store of db.objectStoreNames) {
        const all = db.transaction(store).objectStore(store).getAll();
        out.push(await new Promise((resolve) => (all.onsuccess = () => resolve(all.result))));
      }
      db.close();
    }
    return JSON.stringify(out, (_k, v: unknown) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? new TextDecoder().decode(v as ArrayBuffer) : v));
  });
  const dom = await Promise.all(pages.map((p) => p.content()));
  const sent = await browser.background.evaluate(() => JSON.stringify((globalThis as unknown as { __sentToTabs: unknown[] }).__sentToTabs));
  return [storage, idb, ...dom, sent].join('\n');
}

describe('tokens and the EPR page', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch();
    // Every message the background sends to a content script, recorded before anything happens.
    await browser.background.evaluate(() => {
      const g = globalThis as unknown as { __sentToTabs: unknown[] };
      g.__sentToTabs = [];
      const original = chrome.tabs.sendMessage.bind(chrome.tabs);
      chrome.tabs.sendMessage = (...args: unknown[]) => (g.__sentToTabs.push(args), original(...args));
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps every token out of storage.local, storage.sync, IndexedDB, the DOM and content-script messages, through sign-in, refresh and sign-out', async () => {
    const first = patient('p03');
    const { epr: page, panel } = await openEprWithPanel(browser, `${EPR1}/patient/${first.key}`);
    // In the page's own world, before any script runs: every DOM change the page did not make itself
    // (the demo EPR 1 page has no script of its own). Installed, then the page reloaded under it.
    await page.addInitScript(() => {
      const w = window as unknown as { __foreignMutations: string[] };
      w.__foreignMutations = [];
      addEventListener('DOMContentLoaded', () => {
        new MutationObserver((records) => records.forEach((r) => w.__foreignMutations.push(`${r.type} ${(r.target as Element).nodeName}`)))
          .observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    });
    await page.reload();
    const errors = collectPageErrors(panel);

    const signIn = browser.context.waitForEvent('page');
    await panel.getByRole('button', { name: /^Sign in to/ }).click();
    await (await signIn).getByRole('button', { name: 'Sign in', exact: true }).click();
    for (const id of SOURCES) await panel.locator(`.source[data-source="${id}"][data-state="done"]`).waitFor({ timeout: 30_000 });
    const issued = await tokensNow(browser);
    expect(issued.length).toBeGreaterThanOrEqual(SOURCES.length);

    // The servers withdraw every access token: the next look-up refreshes silently.
    await fetch(`${ADMIN}/tokens/revoke`, { method: 'POST' });
    const second = patient('p11');
    await page.goto(`${EPR1}/patient/${second.key}`);
    await panel.locator(`.banner[data-patient="${patientKey(second.nhsNumber)}"]`).waitFor();
    for (const id of SOURCES) await panel.locator(`.source[data-source="${id}"][data-state="done"]`).waitFor({ timeout: 30_000 });
    const refreshed = await tokensNow(browser);
    expect(refreshed.some((t) => !issued.includes(t))).toBe(true);
    const all = [...new Set([...issued, ...refreshed])];

    let elsewhere = await everywhereElse(browser, [page, panel]);
    for (const token of all) expect(elsewhere.includes(token), 'a token outside session storage').toBe(false);
    // The content script read the page; the page's DOM was changed by nobody.
    expect(await page.evaluate(() => (window as unknown as { __foreignMutations: string[] }).__foreignMutations)).toEqual([]);

    for (const source of ['GP', 'Acute', 'Mental']) {
      await panel.getByRole('button', { name: new RegExp(`^Sign out of .*${source}`, 'i') }).click();
    }
    await expect.poll(() => tokensNow(browser)).toEqual([]);
    elsewhere = await everywhereElse(browser, [page, panel]);
    for (const token of all) expect(elsewhere.includes(token), 'a token left behind after sign-out').toBe(false);
    expect(errors).toEqual([]);
  });
});
