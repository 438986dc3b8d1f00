/**
 * The saved copy in a real browser: the second look is drawn from IndexedDB before any source has
 * answered; with every source down it is still shown, marked as a saved copy that could not be
 * refreshed; after a browser restart it cannot be read at all.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openPanel, signInFromPanel, tabIdOf, type ExtensionBrowser } from '../../scripts/extension-browser';
import { PORTS } from '../../sandbox/config';
import { ROSTER } from '../../sandbox/data/roster';
import { EPR1, launch, openEprWithPanel, patientKey, patientsShown, savedSummaries } from './support';

const ADMIN = `http://127.0.0.1:${PORTS.admin}`;
const SOURCES = ['gp', 'acute', 'mh'];
const patient = ROSTER.find((p) => p.key === 'p05')!;
const pageUrl = `${EPR1}/patient/${patient.key}`;
const control = (path: string) => fetch(`${ADMIN}${path}`, { method: 'POST' });

const mark = (panel: Page, name: string) => panel.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime, name);

describe('the saved copy', () => {
  const profile = mkdtempSync(join(tmpdir(), 'fhirside-restart-'));
  let browser: ExtensionBrowser | undefined;
  afterAll(async () => {
    for (const id of SOURCES) await control(`/sources/${id}/start`);
    await browser?.close();
  });

  it('draws the second look before any source answers, survives the sources going down, and is unreadable after a restart', async () => {
    browser = await launch(profile);
    const { epr, panel } = await openEprWithPanel(browser, pageUrl);
    await signInFromPanel(browser, panel);
    await panel.locator('.source[data-source="gp"][data-state="done"]').waitFor({ timeout: 30_000 });
    await panel.locator('.source[data-source="acute"][data-state="done"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => mark(panel, 'fhirside:complete')).toBeDefined();
    const liveAllergies = await panel.locator('.section-allergies li .row-text').allTextContents();
    // Saved just after it is complete on screen.
    await expect.poll(() => savedSummaries(panel)).toBe(1);
    await panel.close();

    // Second look: the saved copy is on screen before the first FHIR response has arrived.
    const tabId = await tabIdOf(browser, epr.url());
    const second = await openPanel(browser, tabId);
    await expect.poll(() => mark(second, 'fhirside:complete')).toBeDefined();
    const order = await second.evaluate(() => {
      const cacheRendered = performance.getEntriesByName('fhirside:cache-rendered')[0]?.startTime ?? Infinity;
      const fhirResponses = performance
        .getEntriesByType('resource')
        .filter((e) => /127\.0\.0\.1:810[123]\/fhir/.test(e.name))
        .map((e) => (e as PerformanceResourceTiming).responseEnd);
      return { cacheRendered, firstResponse: Math.min(...fhirResponses), responses: fhirResponses.length };
    });
    expect(order.responses).toBeGreaterThan(0);
    expect(order.cacheRendered).toBeLessThan(order.firstResponse);
    await second.close();

    // Every source down: the saved copy stays, marked with its age and as not refreshed.
    for (const id of SOURCES) expect((await control(`/sources/${id}/stop`)).status).toBe(200);
    const offline = await openPanel(browser, tabId);
    await offline.locator('.source[data-source="gp"][data-state="error"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => mark(offline, 'fhirside:complete')).toBeDefined();
    const notice = await offline.locator('.cached-notice').textContent();
    expect(notice).toMatch(/Saved copy from \d\d:\d\d \(less than a minute ago\)/);
    expect(notice).toContain('could not be refreshed');
    expect(await offline.locator('.section-allergies li .row-text').allTextContents()).toEqual(liveAllergies);
    expect(await patientsShown(offline)).toEqual([patientKey(patient.nhsNumber)]);
    for (const id of SOURCES) await control(`/sources/${id}/start`);
    await browser.close();

    // Browser restart on the same profile: the key was in session memory only, so the copy is gone.
    browser = await launch(profile);
    const restarted = await openEprWithPanel(browser, pageUrl);
    await restarted.panel.getByRole('button', { name: /^Sign in to/ }).waitFor({ timeout: 30_000 });
    expect(await mark(restarted.panel, 'fhirside:cache-rendered')).toBeUndefined();
    expect(await restarted.panel.locator('.cached-notice').count()).toBe(0);
    await expect.poll(() => savedSummaries(restarted.panel)).toBe(0);
  });
});
