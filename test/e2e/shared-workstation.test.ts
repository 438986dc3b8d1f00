/**
 * A shared workstation, walked through in a real browser: Dr Morgan (A) looks up a patient and
 * signs out of every source; the trust's identity session ends with her smartcard. Dr Okafor (B)
 * sits down, opens the same patient, and sees nothing of what A saw — not before signing in (the
 * saved copy is withheld), and not after (it was A's): only what B's own sign-in fetches.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { signInFromPanel, type ExtensionBrowser } from '../../scripts/extension-browser';
import { SECOND_CLINICIAN } from '../../sandbox/auth/demo-clinician';
import { ROSTER } from '../../sandbox/data/roster';
import { EPR1, launch, openEprWithPanel, patientKey, patientsShown, savedSummaries } from './support';

const patient = ROSTER.find((p) => p.key === 'p05')!;
const pageUrl = `${EPR1}/patient/${patient.key}`;
const SOURCES = ['gp', 'acute', 'mh'];

const allDone = (panel: Page) => Promise.all(SOURCES.map((id) => panel.locator(`.source[data-source="${id}"][data-state="done"], .source[data-source="${id}"][data-state="not-known"]`).waitFor({ timeout: 60_000 })));
const rowsShown = (panel: Page) => panel.locator('main [data-source]:not(.source)').count();
const savedCopiesDrawn = (panel: Page) => panel.evaluate(() => performance.getEntriesByName('fhirside:cache-rendered').length);

describe('a shared workstation', () => {
  let browser: ExtensionBrowser | undefined;
  afterAll(async () => {
    await browser?.close();
  });

  it('shows clinician B nothing of what clinician A looked at, before or after B signs in', async () => {
    browser = await launch();

    // A looks the patient up, and it is saved for next time.
    const a = await openEprWithPanel(browser, pageUrl);
    await signInFromPanel(browser, a.panel);
    await allDone(a.panel);
    expect(await rowsShown(a.panel)).toBeGreaterThan(0);
    await expect.poll(() => savedSummaries(a.panel)).toBe(1);

    // A signs out of each source, and leaves; the identity provider's session ends with the smartcard.
    for (const name of await a.panel.locator('.source button[aria-label^="Sign out of"]').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')!))) {
      await a.panel.getByRole('button', { name }).click();
    }
    await a.panel.getByRole('button', { name: /^Sign in to/ }).waitFor({ timeout: 30_000 });
    await a.panel.close();
    await a.epr.close();
    await browser.context.clearCookies();

    // B opens the same patient: A's saved copy is not drawn, only said to be withheld.
    const b = await openEprWithPanel(browser, pageUrl);
    await b.panel.getByRole('button', { name: /^Sign in to/ }).waitFor({ timeout: 30_000 });
    expect(await savedCopiesDrawn(b.panel)).toBe(0);
    expect(await rowsShown(b.panel)).toBe(0);
    expect(await b.panel.locator('.cached-notice', { hasText: 'Saved copy from' }).count()).toBe(0);
    await b.panel.locator('[data-withheld]').waitFor({ timeout: 10_000 });

    // B signs in as B: what B sees is B's own look-up, live; A's copy was never drawn.
    const loginPage = browser.context.waitForEvent('page', { timeout: 20_000 });
    await b.panel.getByRole('button', { name: /^Sign in to/ }).click();
    const login = await loginPage;
    await login.locator('#username').fill(SECOND_CLINICIAN.username);
    await login.locator('#password').fill(SECOND_CLINICIAN.password);
    await login.getByRole('button', { name: 'Sign in', exact: true }).click();
    await allDone(b.panel);
    expect(await rowsShown(b.panel)).toBeGreaterThan(0);
    expect(await patientsShown(b.panel)).toEqual([patientKey(patient.nhsNumber)]);
    expect(await savedCopiesDrawn(b.panel)).toBe(0);
    expect(await b.panel.locator('.cached-notice', { hasText: 'Saved copy from' }).count()).toBe(0);
  });
});
