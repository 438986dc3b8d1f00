/** Shared steps for the Firefox end-to-end tests: Firefox ESR, an EPR tab, the panel that follows it. */
import type { Page } from 'puppeteer-core';
import {
  firefoxTabIdOf,
  launchFirefoxWithExtension,
  openExtensionPage,
  type FirefoxLaunchOptions,
  type FirefoxWithExtension,
} from '../../scripts/extension-firefox';
import { patientsSeenSoFar, watchPatientsSeen } from '../e2e/patients-seen';

/** Firefox's default sidebar is about 250 px wide: the panel is tested at that width. */
export const SIDEBAR_SIZE = { width: 250, height: 860 };

/** Launches headless Firefox ESR with the built Firefox extension (FIREFOX_PATH is set by scripts/e2e.ts). */
export function launchFirefox(options: Omit<FirefoxLaunchOptions, 'firefoxPath'> = {}): Promise<FirefoxWithExtension> {
  return launchFirefoxWithExtension({ firefoxPath: process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr', ...options });
}

/** Opens an EPR page in a new tab, and the panel page pinned to that tab at sidebar width. */
export async function openEprWithFirefoxPanel(firefox: FirefoxWithExtension, url: string): Promise<{ epr: Page; panel: Page; tabId: number }> {
  const epr = await firefox.browser.newPage();
  await epr.goto(url);
  const panel = await openPinnedPanel(firefox, await firefoxTabIdOf(await anyExtensionPage(firefox), epr.url()));
  return { epr, panel, tabId: await firefoxTabIdOf(panel, epr.url()) };
}

/** Opens the panel page pinned to one tab, at sidebar width. */
export async function openPinnedPanel(firefox: FirefoxWithExtension, tabId: number): Promise<Page> {
  const panel = await openExtensionPage(firefox, `sidepanel.html?tab=${tabId}`);
  await panel.setViewport(SIDEBAR_SIZE);
  return panel;
}

/** The id of the newest tab showing `url`. */
export async function tabIdShowing(firefox: FirefoxWithExtension, url: string): Promise<number> {
  return firefoxTabIdOf(await anyExtensionPage(firefox), url);
}

let helperPage: Page | undefined;
/** An extension page kept open for asking the extension API (tab ids, storage). */
async function anyExtensionPage(firefox: FirefoxWithExtension): Promise<Page> {
  if (!helperPage || helperPage.isClosed() || helperPage.browser() !== firefox.browser) helperPage = await openExtensionPage(firefox, 'options.html');
  return helperPage;
}

/** Every `data-patient` value on the panel: the wrong-patient rule says they must all be one. */
export function patientsShown(panel: Page): Promise<string[]> {
  return panel.$$eval('[data-patient]', (elements) => [...new Set(elements.map((e) => e.getAttribute('data-patient') ?? ''))]);
}

/**
 * Elements matching any selector that end beyond the panel's right edge or whose own content is
 * cut off (wider than their box while hiding the overflow); each as `selector: text`.
 */
export function clippedOrOverflowing(panel: Page, selectors: readonly string[]): Promise<string[]> {
  return panel.evaluate((all: readonly string[]) => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    for (const selector of all) {
      for (const element of document.querySelectorAll(selector)) {
        const box = element.getBoundingClientRect();
        // Nothing drawn, or visually hidden on purpose (a 1 px legend for screen readers).
        if (box.width <= 1 || box.height <= 1) continue;
        const style = getComputedStyle(element);
        const hides = style.overflowX !== 'visible' && style.overflowX !== 'auto' && style.overflowX !== 'scroll';
        if (box.right > width + 0.5 || box.left < -0.5 || (hides && element.scrollWidth > element.clientWidth + 1)) {
          found.push(`${selector}: ${(element.textContent ?? '').slice(0, 40)}`);
        }
      }
    }
    return found;
  }, selectors);
}

/** A value in the extension's session storage (what the background has decided), read from an extension page. */
export function sessionValueIn(extensionPage: Page, key: string): Promise<unknown> {
  return extensionPage.evaluate(async (k: string) => {
    const api = (globalThis as unknown as { browser: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } } }).browser;
    return (await api.storage.session.get(k))[k];
  }, key);
}

/** Starts noting, in the panel page, every banner patient shown and every time it showed nobody. */
export async function recordBanners(panel: Page): Promise<() => Promise<string[]>> {
  await panel.evaluate(() => {
    const w = window as unknown as { __banners: string[] };
    w.__banners = [];
    const note = () => {
      const now = document.querySelector('.banner')?.getAttribute('data-patient') ?? (document.querySelector('.no-patient') ? 'none' : 'blank');
      if (w.__banners.at(-1) !== now) w.__banners.push(now);
    };
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  return () => panel.evaluate(() => (window as unknown as { __banners: string[] }).__banners);
}

/** Starts recording, in the panel page, every set of patients it shows (patients-seen.ts); returns the reader. */
export async function recordPatientsSeen(panel: Page): Promise<() => Promise<string[][]>> {
  await panel.evaluate(watchPatientsSeen);
  return () => panel.evaluate(patientsSeenSoFar);
}
