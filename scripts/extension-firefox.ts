/**
 * Drives Firefox ESR with the built Firefox extension, for the Firefox end-to-end tests and the
 * Firefox screenshot: puppeteer-core over WebDriver BiDi (no geckodriver, never a browser download).
 * Firefox gives each profile a random extension UUID; the pref `extensions.webextensions.uuids` pins
 * it so tests can open moz-extension:// pages, which `-remote-allow-system-access` lets BiDi drive.
 */
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../.output/firefox-mv3-demo');
/** The add-on id in the manifest (wxt.config.ts browser_specific_settings.gecko.id). */
export const FIREFOX_ADDON_ID = 'fhirside@fhirside.nhs.example';
/** The pinned moz-extension:// host for tests. */
export const FIREFOX_EXTENSION_UUID = '0f8e6a52-3c5d-4a8e-9d3b-6c1f2e7a9b10';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

/** The slice of the WebExtension API these helpers call inside an extension page. */
declare const browser: { tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> } };

export interface FirefoxWithExtension {
  readonly browser: Browser;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  readonly firefoxPath: string;
  readonly extensionDir?: string;
  /** More preferences (e.g. a shorter event-page idle time). */
  readonly prefs?: Readonly<Record<string, string | number | boolean>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly viewport?: { width: number; height: number };
}

/** Starts headless Firefox with a fresh profile and installs the built extension as a temporary add-on. */
export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: options.firefoxPath,
    headless: true,
    args: ['-remote-allow-system-access'],
    defaultViewport: options.viewport ?? { width: 1280, height: 860 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_EXTENSION_UUID }),
      ...options.prefs,
    },
    ...(options.env && { env: { ...process.env, ...options.env } }),
  });
  await browser.installExtension(options.extensionDir ?? FIREFOX_EXTENSION_DIR);
  return { browser, close: () => browser.close() };
}

/**
 * Opens one of the extension's pages in a new tab (or `tab`, e.g. one set up to intercept requests).
 * A moz-extension:// navigation never resolves over BiDi, so this starts it and waits until the
 * page's own location says it is there.
 */
export async function openExtensionPage(firefox: FirefoxWithExtension, path: string, tab?: Page): Promise<Page> {
  const page = tab ?? (await firefox.browser.newPage());
  const url = `${FIREFOX_EXTENSION_ORIGIN}/${path}`;
  page.goto(url).catch(() => {});
  await waitFor(async () => (await page.evaluate(() => `${location.href}|${document.readyState}`).catch(() => '')) === `${url}|complete`, `the extension page ${url}`);
  return page;
}

/**
 * Does `action`, then returns the new tab it opened once that tab shows one of the extension's
 * pages (e.g. after a redirect). BiDi does not report a tab's moz-extension:// address, so each new
 * tab's own location is asked.
 */
export async function extensionPageOpenedBy(firefox: FirefoxWithExtension, path: string, action: () => Promise<void>): Promise<Page> {
  const prefix = `${FIREFOX_EXTENSION_ORIGIN}/${path}`;
  const before = new Set(await firefox.browser.pages());
  await action();
  let found: Page | undefined;
  await waitFor(async () => {
    for (const page of await firefox.browser.pages()) {
      if (before.has(page)) continue;
      const where = await page.evaluate(() => `${location.href}|${document.readyState}`).catch(() => '');
      if (where.startsWith(prefix) && where.endsWith('|complete')) found = page;
    }
    return found !== undefined;
  }, `a new tab at ${prefix}`);
  return found!;
}

/**
 * The browser's id for the newest tab showing `url`, asked of an extension page. Newest, because
 * two tabs can show the same page (a patient opened twice): the first found would be an older tab,
 * and a panel pinned to it would never follow the tab the caller has just opened. Tab ids only grow.
 */
export async function firefoxTabIdOf(extensionPage: Page, url: string): Promise<number> {
  const id = await extensionPage.evaluate(
    async (wanted: string) => Math.max(-1, ...(await browser.tabs.query({})).filter((tab) => tab.url === wanted && tab.id !== undefined).map((tab) => tab.id!)),
    url,
  );
  if (id < 0) throw new Error(`No tab shows ${url}`);
  return id;
}

/** Clicks the first button whose text matches, with real input (a user gesture). */
export async function clickButton(page: Page, name: RegExp): Promise<void> {
  const handle = await page.waitForFunction(
    (source: string) => [...document.querySelectorAll('button')].find((button) => new RegExp(source).test(button.textContent ?? '')) as Element,
    { timeout: 30_000 },
    name.source,
  );
  await handle.click();
}

/** Clicks the panel's sign-in button and completes the sandbox's login window (demo clinician pre-filled). */
export async function signInFromFirefoxPanel(firefox: FirefoxWithExtension, panel: Page, authOrigin = 'http://127.0.0.1:8100'): Promise<void> {
  const loginTarget = firefox.browser.waitForTarget((target) => target.url().startsWith(authOrigin), { timeout: 20_000 });
  await clickButton(panel, /^Sign in to/);
  const login = (await (await loginTarget).page())!;
  await login.waitForSelector('button');
  await clickButton(login, /^Sign in$/);
  await panel.waitForFunction(() => ![...document.querySelectorAll('button')].some((b) => /^Sign in to|Signing in/.test(b.textContent ?? '')), { timeout: 30_000 });
}

/** Polls until `check` is true or 30 s have passed. */
export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
