/**
 * The whole pipe in a real browser: EPR patient page → the panel detects the NHS number → SMART
 * sign-in with PKCE at the sandbox's authorization server → FHIR searches → summary → IndexedDB,
 * and the second look comes from the saved copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser';
import { openPanel } from '../../scripts/extension-browser';
import { generateSourceResources } from '../../sandbox/data/generate';
import { FIRST_DEMO_PATIENT } from '../../sandbox/data/roster';
import { conceptText } from '../../lib/summary/codeable-text';
import { collectPageErrors, EPR1, launch, openEprWithPanel, patientKey, patientsShown, savedSummaries } from './support';

const patient = FIRST_DEMO_PATIENT;
const key = patientKey(patient.nhsNumber);

/** The allergies the GP server holds for the patient, named as the panel names them. */
function gpAllergyNames(): string[] {
  return generateSourceResources('gp')
    .filter((r) => r.resourceType === 'AllergyIntolerance' && r.patient?.reference === `Patient/${patient.key}-gp`)
    .map((r) => conceptText((r as { code?: unknown }).code, ''));
}

describe('one patient, end to end', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the banner and allergies fetched through a real PKCE sign-in, then serves the second look from IndexedDB', async () => {
    const { panel, tabId } = await openEprWithPanel(browser, `${EPR1}/patient/${patient.key}`);
    const errors = collectPageErrors(panel);

    // Before sign-in the page's own identity is shown, and sign-in is offered, not forced.
    await panel.locator(`.banner[data-patient="${key}"]`).waitFor();
    await panel.getByRole('button', { name: /^Sign in to/ }).waitFor();

    const signInWindow = browser.context.waitForEvent('page');
    await panel.getByRole('button', { name: /^Sign in to/ }).click();
    const login = await signInWindow;
    expect(new URL(login.url()).origin).toBe('http://127.0.0.1:8100');
    await login.getByRole('button', { name: 'Sign in', exact: true }).click();

    await panel.locator('.source[data-source="gp"][data-state="done"]').waitFor({ timeout: 30_000 });
    await panel.locator('.source[data-source="acute"][data-state="done"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => panel.evaluate(() => performance.getEntriesByName('fhirside:complete').length)).toBe(1);

    expect(await panel.locator('.banner-name').textContent()).toBe(`${patient.family.toUpperCase()}, ${patient.given} (${patient.prefix})`);
    const expectedAllergies = gpAllergyNames();
    expect(expectedAllergies.length).toBeGreaterThan(0);
    const shownAllergies = await panel.locator('.section-allergies li[data-sources~="gp"] .row-text').allTextContents();
    expect(shownAllergies.sort()).toEqual(expectedAllergies.sort());
    expect(await patientsShown(panel)).toEqual([key]);
    expect(await panel.locator('.cached-notice').count()).toBe(0);

    // The summary was saved, encrypted, in the extension's IndexedDB.
    // Saved just after it is complete on screen.
    await expect.poll(() => savedSummaries(panel)).toBe(1);
    await panel.close();

    // Second look: a new panel renders the saved copy before the sources answer again.
    const again = await openPanel(browser, tabId);
    await expect.poll(() => again.evaluate(() => performance.getEntriesByName('fhirside:cache-rendered').length)).toBe(1);
    const order = await again.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Infinity;
      return at('fhirside:cache-rendered') <= at('fhirside:complete');
    });
    expect(order).toBe(true);
    await again.locator('.source[data-source="gp"][data-state="done"]').waitFor({ timeout: 30_000 });
    expect(await patientsShown(again)).toEqual([key]);
    expect(errors).toEqual([]);
  });
});
