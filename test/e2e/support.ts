/** Shared steps for end-to-end tests: the browser, the EPR page, the panel that follows it. */
import type { Page } from 'playwright-core';
import { launchWithExtension, openPanel, tabIdOf, type ExtensionBrowser } from '../../scripts/extension-browser';
import { NHS_NUMBER_SYSTEM } from '../../sandbox/config';

export const EPR1 = 'http://127.0.0.1:8110';
export const EPR2 = 'http://127.0.0.1:8111';

export const patientKey = (nhsNumber: string) => `${NHS_NUMBER_SYSTEM}|${nhsNumber}`;

/** Launches headless Chromium with the built extension (CHROME_PATH is set by scripts/e2e.ts). */
export function launch(profileDir?: string): Promise<ExtensionBrowser> {
  const chromePath = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
  return launchWithExtension({ chromePath, headless: true, ...(profileDir ? { profileDir } : {}) });
}

/** Opens an EPR page in a new tab and a panel pinned to that tab. */
export async function openEprWithPanel(browser: ExtensionBrowser, url: string): Promise<{ epr: Page; panel: Page; tabId: number }> {
  const epr = await browser.context.newPage();
  await epr.goto(url);
  const tabId = await tabIdOf(browser, epr.url());
  const panel = await openPanel(browser, tabId);
  return { epr, panel, tabId };
}

/** Every `data-patient` value on the panel: the wrong-patient rule says they must all be one. */
export function patientsShown(panel: Page): Promise<string[]> {
  return panel.$$eval('[data-patient]', (elements) => [...new Set(elements.map((e) => e.getAttribute('data-patient') ?? ''))]);
}

/** Errors thrown in a page (uncaught) collected for the end of the test. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** How many summaries the extension's IndexedDB holds, read from one of its pages. */
export function savedSummaries(panel: Page): Promise<number> {
  return panel.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('fhirside');
        open.onsuccess = () => {
          const count = open.result.transaction('summaries').objectStore('summaries').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}
