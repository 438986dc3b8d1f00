/**
 * Drives Debian Chromium with the built extension loaded, for the end-to-end tests, `npm start`
 * and the bench: launch, find the extension, open its panel for a tab, complete a sign-in.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_FLAGS } from './chromium';

/** The slice of the extension API these helpers call inside the service worker. */
declare const chrome: { tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> } };

/**
 * The demo build (`wxt build --mode demo`): the sandbox's sources, rules and loopback access, which
 * a production build (`npm run build`, .output/chrome-mv3) never carries (lib/config/build-mode.ts).
 */
export const DEMO_BUILD_COMMAND = ['wxt', 'build', '--mode', 'demo'] as const;
export const EXTENSION_DIR = resolve(import.meta.dirname, '../.output/chrome-mv3-demo');

export interface ExtensionBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** The extension's background service worker. */
  readonly background: Worker;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile and the built extension. */
export async function launchWithExtension(options: { chromePath: string; headless: boolean; extensionDir?: string; profileDir?: string }): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  // A given profile survives a close, as a browser restart on the same workstation does.
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'fhirside-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: options.chromePath,
    headless: options.headless,
    // Playwright's own default flags disable extensions; the extension is the point here.
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    viewport: { width: 1280, height: 860 },
  });
  const background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(background.url()).host;
  return { context, extensionId, background, close: () => context.close() };
}

/** The browser's id for the tab showing `url`, the newest where several do (the panel is pinned to it with `?tab=`). */
export async function tabIdOf(browser: ExtensionBrowser, url: string): Promise<number> {
  const id = await browser.background.evaluate(async (wanted: string) => {
    // Where two tabs show the same page, the one opened last is the one the caller just opened
    // (tab ids only grow).
    const tabs = await chrome.tabs.query({});
    const ids = tabs.filter((tab) => tab.url === wanted && tab.id !== undefined).map((tab) => tab.id!);
    return ids.length > 0 ? Math.max(...ids) : undefined;
  }, url);
  if (id === undefined) throw new Error(`No tab shows ${url}`);
  return id;
}

/** Opens the side panel page pinned to one tab, as the pop-out window does. */
export async function openPanel(browser: ExtensionBrowser, tabId: number, size = { width: 420, height: 860 }): Promise<Page> {
  const panel = await browser.context.newPage();
  await panel.setViewportSize(size);
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

/**
 * Clicks the panel's sign-in button and completes the sandbox's login page (the demo clinician is
 * pre-filled), as a clinician would.
 */
export async function signInFromPanel(browser: ExtensionBrowser, panel: Page): Promise<void> {
  const loginPage = browser.context.waitForEvent('page', { timeout: 20_000 });
  await panel.getByRole('button', { name: /^Sign in to/ }).click();
  const login = await loginPage;
  await login.getByRole('button', { name: 'Sign in', exact: true }).click();
  await panel.getByRole('button', { name: /^Sign in to|Signing in/ }).waitFor({ state: 'detached', timeout: 30_000 });
}
