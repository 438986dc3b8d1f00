/**
 * A hostile source (its payloads: narrative-canaries.ts, shared with the Firefox test). The panel
 * holds every source's token, so none of it may run or load: a canary — a global the payloads set
 * and a host they call — must stay silent while the rows still show their words.
 */
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInFromPanel, type ExtensionBrowser } from '../../scripts/extension-browser';
import { borrowedMarkup, CANARY, liveMarkup, NOTHING_BORROWED, NOTHING_LIVE, patient, poisoned, POISONED_SEARCH } from './narrative-canaries';
import { collectPageErrors, EPR1, launch, openEprWithPanel } from './support';

/** Adds the hostile resource of the searched type to the acute trust's real answer. */
async function poison(route: Route): Promise<void> {
  const response = await route.fetch();
  await route.fulfill({ response, json: poisoned(route.request().url(), (await response.json()) as { entry?: unknown[] }) });
}

describe('hostile narrative and display strings', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders them inert: the canary neither runs nor loads, and the words are still shown', async () => {
    const canaryCalls: string[] = [];
    await browser.context.route(`${CANARY}/**`, (route) => {
      canaryCalls.push(route.request().url());
      return route.abort();
    });
    await browser.context.route(POISONED_SEARCH, poison);
    // A batch answer would bypass the search routes: the acute trust's first screen comes by search too.
    await browser.context.route(/127\.0\.0\.1:8102\/fhir\/?$/, (route) => (route.request().method() === 'POST' ? route.fulfill({ status: 501, body: '' }) : route.fallback()));

    const { panel } = await openEprWithPanel(browser, `${EPR1}/patient/${patient.key}`);
    const errors = collectPageErrors(panel);
    await signInFromPanel(browser, panel);
    await panel.locator('.source[data-source="acute"][data-state="done"]').waitFor({ timeout: 60_000 });
    await panel.locator('.row', { hasText: 'Hostile letter' }).first().waitFor({ timeout: 30_000 });

    // Open everything a clinician could open, and follow the hostile link if it survived as one.
    await panel.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await panel.locator('#hostile-link').click({ timeout: 2000 }).catch(() => undefined);
    await panel.waitForTimeout(1500);

    expect(await panel.evaluate(() => (window as unknown as { __canary?: string }).__canary)).toBeUndefined();
    expect(canaryCalls).toEqual([]);
    expect(await panel.evaluate(liveMarkup)).toEqual(NOTHING_LIVE);
    // Nothing that loads or borrows the panel's styling or its test hooks; a link is its words and host.
    expect(await panel.evaluate(borrowedMarkup)).toEqual(NOTHING_BORROWED);
    const phish = panel.locator('.narrative .narrative-link', { hasText: 'smartcard PIN' }).first();
    expect(await phish.textContent()).toBe('re-enter your smartcard PIN (link to canary.fhirside.test)');
    const pagesBefore = browser.context.pages().length;
    await phish.click();
    await panel.waitForTimeout(500);
    expect(browser.context.pages().length).toBe(pagesBefore);
    expect(canaryCalls).toEqual([]);
    // Inert, not lost: the words of the hostile resources are on screen as text.
    expect(await panel.locator('.narrative', { hasText: 'Discharge letter' }).count()).toBeGreaterThan(0);
    // Sanitised, not only flattened to text: once the sanitiser has loaded the letter keeps its paragraph and table.
    await expect.poll(() => panel.locator('.narrative p', { hasText: 'Discharge letter' }).count()).toBeGreaterThan(0);
    expect(await panel.locator('.narrative td[colspan="2"]', { hasText: 'Creatinine 88' }).count()).toBeGreaterThan(0);
    expect(await panel.locator('.section-allergies .row', { hasText: 'Hostile letter' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
