/**
 * A single-page EPR that never shows the NHS number (only its URL carries it): switching patient
 * without a page load moves the panel to the new patient, and closing the patient blanks it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInFromPanel, type ExtensionBrowser } from '../../scripts/extension-browser';
import { ROSTER } from '../../sandbox/data/roster';
import { collectPageErrors, EPR2, launch, openEprWithPanel, patientKey, patientsShown } from './support';

const byKey = (key: string) => ROSTER.find((p) => p.key === key)!;
const first = byKey('p03');
const second = byKey('p11');

describe('Northfield ClinicalWorks, a single-page EPR', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('follows patient switches made without a page load, and never shows the previous patient', async () => {
    const { epr, panel } = await openEprWithPanel(browser, `${EPR2}/app`);
    const errors = collectPageErrors(panel);
    await panel.getByText('No patient on this page').waitFor();

    await epr.getByRole('link', { name: new RegExp(first.family, 'i') }).first().click();
    await panel.locator(`.banner[data-patient="${patientKey(first.nhsNumber)}"]`).waitFor();
    await signInFromPanel(browser, panel);
    await panel.locator('.source[data-source="mh"][data-state="done"]').waitFor({ timeout: 30_000 });
    expect(await panel.locator('.banner-name').textContent()).toContain(first.family.toUpperCase());
    expect(await patientsShown(panel)).toEqual([patientKey(first.nhsNumber)]);

    await epr.getByRole('button', { name: 'Close patient' }).click();
    await panel.getByText('No patient on this page').waitFor();
    expect(await patientsShown(panel)).toEqual([]);

    await epr.getByRole('link', { name: new RegExp(second.family, 'i') }).first().click();
    await panel.locator(`.banner[data-patient="${patientKey(second.nhsNumber)}"]`).waitFor();
    await panel.locator('.source[data-source="mh"][data-state="done"]').waitFor({ timeout: 30_000 });
    expect(await panel.locator('.banner-name').textContent()).toContain(second.family.toUpperCase());
    expect(await patientsShown(panel)).toEqual([patientKey(second.nhsNumber)]);
    expect(errors).toEqual([]);
  });
});
