/**
 * `npx tsx scripts/screenshot-firefox.ts`: docs/screenshots/firefox-sidebar-epr.png, fhirside's
 * Firefox sidebar beside the demo EPR in Firefox ESR. Headless Firefox draws no browser chrome into
 * a screenshot, so the picture is composed: the sidebar is opened for real (Alt+Shift+F) to read its
 * width, then the panel page, pinned to the EPR tab, is shot at exactly that width beside the EPR
 * page, and the two are placed side by side. Builds the Firefox demo extension and starts the
 * sandbox (so it takes the end-to-end lock).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { FIRST_DEMO_PATIENT } from '../sandbox/data/roster';
import { startSandbox } from '../sandbox/world';
import { ensureFirefox } from './chromium';
import { runUnderE2eLock } from './e2e-lock';
import { DEMO_BUILD_COMMAND } from './extension-browser';
import { firefoxTabIdOf, launchFirefoxWithExtension, openExtensionPage, signInFromFirefoxPanel, waitFor } from './extension-firefox';

runUnderE2eLock();

const OUT = resolve(import.meta.dirname, '../docs/screenshots/firefox-sidebar-epr.png');
const HEIGHT = 860;
/** Firefox's default sidebar width, should the real sidebar not open. */
const DEFAULT_SIDEBAR_WIDTH = 250;

declare const browser: { extension: { getViews(filter: object): Window[] } };

/** Opens the real sidebar with the keyboard shortcut and reads its width, as Firefox lays it out. */
async function realSidebarWidth(epr: Page, helper: Page): Promise<number> {
  await epr.bringToFront();
  await epr.keyboard.down('Alt');
  await epr.keyboard.down('Shift');
  await epr.keyboard.press('KeyF');
  await epr.keyboard.up('Shift');
  await epr.keyboard.up('Alt');
  const width = () => helper.evaluate(() => browser.extension.getViews({ type: 'sidebar' })[0]?.innerWidth ?? 0);
  await waitFor(async () => (await width()) > 0, 'the sidebar', 10_000).catch(() => undefined);
  return (await width()) || DEFAULT_SIDEBAR_WIDTH;
}

async function main(): Promise<void> {
  const firefoxPath = ensureFirefox();
  execFileSync('npx', [...DEMO_BUILD_COMMAND, '-b', 'firefox', '--mv3'], { stdio: 'ignore' });
  const world = await startSandbox({ log: () => {} });
  const firefox = await launchFirefoxWithExtension({ firefoxPath, viewport: { width: 1000, height: HEIGHT } });
  try {
    const helper = await openExtensionPage(firefox, 'options.html');
    const epr = await firefox.browser.newPage();
    await epr.goto(`${world.urls.epr1}/patient/${FIRST_DEMO_PATIENT.key}`);
    const width = await realSidebarWidth(epr, helper);
    const panel = await openExtensionPage(firefox, `sidepanel.html?tab=${await firefoxTabIdOf(helper, epr.url())}`);
    await panel.setViewport({ width, height: HEIGHT });
    await signInFromFirefoxPanel(firefox, panel);
    await panel.waitForSelector('.source[data-source="acute"][data-state="done"]', { timeout: 60_000 });
    await panel.waitForFunction(() => performance.getEntriesByName('fhirside:complete').length > 0, { timeout: 60_000 });
    // The first screen, as the clinician first sees it (signing in may have scrolled the page).
    await panel.evaluate(() => window.scrollTo(0, 0));
    await new Promise((done) => setTimeout(done, 300));
    const sidebarShot = Buffer.from(await panel.screenshot({ encoding: 'base64' }), 'base64');
    await epr.bringToFront();
    const eprShot = Buffer.from(await epr.screenshot({ encoding: 'base64' }), 'base64');

    // Side by side as Firefox places them: the sidebar on the left of the page, a 1 px divider between.
    const sheet = await firefox.browser.newPage();
    await sheet.setViewport({ width: width + 1 + 1000, height: HEIGHT });
    const img = (png: Buffer) => `<img src="data:image/png;base64,${png.toString('base64')}" style="display:block">`;
    await sheet.setContent(`<body style="margin:0;display:flex;background:#fff">${img(sidebarShot)}<div style="width:1px;background:#8f8f9d"></div>${img(eprShot)}</body>`);
    await sheet.waitForFunction(() => [...document.images].every((i) => i.complete));
    await sheet.screenshot({ path: OUT as `${string}.png` });
    console.log(`${OUT}: sidebar ${width} px wide (${width === DEFAULT_SIDEBAR_WIDTH ? 'default' : 'measured'}), ${readFileSync(OUT).length} bytes`);
  } finally {
    await firefox.close();
    await world.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
