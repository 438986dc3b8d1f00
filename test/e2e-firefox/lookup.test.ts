/**
 * The whole loop in Firefox ESR: EPR patient page → the panel page detects the NHS number → SMART
 * sign-in through identity.launchWebAuthFlow → FHIR searches → summary drawn, every row this patient's;
 * the second look from the saved copy; the panel at sidebar width.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInFromFirefoxPanel, type FirefoxWithExtension } from '../../scripts/extension-firefox';
import { mkdirSync } from 'node:fs';
import { FIRST_DEMO_PATIENT, ROSTER } from '../../sandbox/data/roster';
import { EPR1, patientKey } from '../e2e/support';
import { clippedOrOverflowing, launchFirefox, openEprWithFirefoxPanel, openPinnedPanel, patientsShown } from './support';

const patient = FIRST_DEMO_PATIENT;
const key = patientKey(patient.nhsNumber);

describe('one patient in Firefox ESR', () => {
  let firefox: FirefoxWithExtension;
  let firstTab = 0;
  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('shows the banner and the sources through a real PKCE sign-in', async () => {
    const opened = await openEprWithFirefoxPanel(firefox, `${EPR1}/patient/${patient.key}`);
    const panel = opened.panel;
    firstTab = opened.tabId;
    await panel.waitForSelector(`.banner[data-patient="${key}"]`);
    // Before any source has answered, an empty section says so, not that the record is empty.
    await panel.waitForFunction(() => document.querySelector('.section-allergies .empty')?.textContent === 'Nothing loaded yet: no source has answered');
    await signInFromFirefoxPanel(firefox, panel);
    await panel.waitForSelector('.source[data-source="gp"][data-state="done"]', { timeout: 30_000 });
    await panel.waitForSelector('.source[data-source="acute"][data-state="done"]', { timeout: 30_000 });
    expect(await panel.$eval('.banner-name', (e) => e.textContent)).toBe(`${patient.family.toUpperCase()}, ${patient.given} (${patient.prefix})`);
    expect(await panel.$$eval('.section-allergies li[data-sources~="gp"]', (rows) => rows.length)).toBeGreaterThan(0);
    expect(await patientsShown(panel)).toEqual([key]);
    await panel.waitForFunction(() => performance.getEntriesByName('fhirside:complete').length === 1);
    await panel.close();
  });

  it('draws the second look from the saved copy in IndexedDB before the sources answer again', async () => {
    const again = await openPinnedPanel(firefox, firstTab);
    await again.waitForFunction(() => performance.getEntriesByName('fhirside:cache-rendered').length === 1);
    await again.waitForSelector('.source[data-source="gp"][data-state="done"]', { timeout: 30_000 });
    expect(await again.evaluate(() => performance.getEntriesByName('fhirside:cache-rendered')[0]!.startTime <= performance.getEntriesByName('fhirside:complete')[0]!.startTime)).toBe(true);
    expect(await patientsShown(again)).toEqual([key]);
    await again.close();
  });

  it('reads well in a 240 px sidebar: banner, lens tabs, High-risk badges and Pop out wrap and none is clipped', async () => {
    const bipolar = ROSTER.find((p) => p.story === 'bipolar-lithium')!;
    const { panel } = await openEprWithFirefoxPanel(firefox, `${EPR1}/patient/${bipolar.key}`);
    await panel.setViewport({ width: 240, height: 1400 });
    await panel.waitForSelector('.source[data-source="mh"][data-state="done"]', { timeout: 30_000 });
    await panel.$$eval('.lens-switcher label', (labels) => labels.find((l) => l.textContent === 'Mental health')?.click());
    await panel.waitForSelector('.badge-alert');
    mkdirSync('.output/screenshots', { recursive: true });
    await panel.screenshot({ path: '.output/screenshots/firefox-panel-240.png', fullPage: true });
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(240);
    expect(await clippedOrOverflowing(panel, ['.banner-name', '.banner-nhs', '.lens-switcher label', '.badge-alert', '.toolbar button', '.row-text'])).toEqual([]);
    expect(await clippedOrOverflowing(panel, ['.panel *'])).toEqual([]);
  });
});
