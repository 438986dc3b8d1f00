/**
 * The one browser a bench run uses: headless Debian Chromium with the built extension, one EPR
 * tab, signed in to every sandbox source once (as a clinician at the start of a shift).
 */
import type { Page } from 'playwright-core';
import { launchWithExtension, openPanel, signInFromPanel, tabIdOf, type ExtensionBrowser } from '../scripts/extension-browser';
import { DEFAULT_SOURCES } from '../lib/config/defaults';
import { saveUserSettings } from '../scripts/extension-settings';
import { NHS_NUMBER_SYSTEM } from '../sandbox/config';

export interface BenchBrowser {
  readonly browser: ExtensionBrowser;
  /** The EPR tab the panel follows. */
  readonly epr: Page;
  readonly tabId: number;
  close(): Promise<void>;
}

export const patientKey = (nhsNumber: string) => `${NHS_NUMBER_SYSTEM}|${nhsNumber}`;

/** Launches, opens `eprUrl` and signs in from a first panel, which is then closed. */
export async function startBenchBrowser(chromePath: string, eprUrl: string): Promise<BenchBrowser> {
  const browser = await launchWithExtension({ chromePath, headless: true });
  try {
    const epr = await browser.context.newPage();
    await epr.goto(eprUrl);
    const tabId = await tabIdOf(browser, epr.url());
    const panel = await openPanel(browser, tabId);
    await signInFromPanel(browser, panel);
    // The look-up before sign-in completes too (every source "needs sign-in"): wait for the real one.
    await panel.waitForFunction(
      () => performance.getEntriesByName('fhirside:complete').length > 0 && !document.querySelector('.source[data-state="loading"], .source[data-state="needs-sign-in"]'),
      undefined,
      { timeout: 120_000 },
    );
    await panel.close();
    return { browser, epr, tabId, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Empties the saved summaries (and snapshots) so the next look-up is cold; tokens are kept. */
export async function clearSavedSummaries(bench: BenchBrowser): Promise<void> {
  await bench.browser.background.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('fhirside');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const stores = [...db.objectStoreNames];
          if (stores.length === 0) return resolve(db.close());
          const tx = db.transaction(stores, 'readwrite');
          for (const name of stores) tx.objectStore(name).clear();
          tx.oncomplete = () => resolve(db.close());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Waits until a look-up has been saved (it is saved just after it is complete on screen). */
export async function waitForSavedSummary(bench: BenchBrowser, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const count = () =>
    bench.browser.background.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('fhirside');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('summaries')) return resolve((db.close(), 0));
            const counted = db.transaction('summaries').objectStore('summaries').count();
            counted.onsuccess = () => resolve((db.close(), counted.result));
            counted.onerror = () => reject(counted.error);
          };
        }),
    );
  while ((await count()) === 0) {
    if (Date.now() > deadline) throw new Error('The look-up was not saved');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Sets every source's Observation horizon through the clinician's saved settings (undefined:
 * back to the product default). Open panels reload on the change; tokens are kept per source id.
 */
export async function setObservationHorizon(bench: BenchBrowser, days: number | undefined): Promise<void> {
  const sources = DEFAULT_SOURCES.map((s) => ({ ...s, ...(days === undefined ? {} : { observationHorizonDays: days }) }));
  await saveUserSettings(bench.browser, days === undefined ? {} : { sources });
}
