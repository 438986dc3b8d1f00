/**
 * The whole loop in Firefox ESR: EPR patient page → the panel page detects the NHS number → SMART
 * sign-in through identity.launchWebAuthFlow → FHIR searches → summary drawn, every row this patient's;
 * the second look from the saved copy; a patient switch on both demo EPRs, the old patient gone
 * before the new one is drawn; a SMART EHR launch through the launch URL, which Firefox's random
 * moz-extension:// address makes the only way an EPR can reach fhirside; a hostile source's narrative
 * rendered inert (the canaries of ../e2e/narrative-xss.test.ts); the panel at sidebar width.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickButton,
  extensionPageOpenedBy,
  FIREFOX_EXTENSION_ORIGIN,
  openExtensionPage,
  signInFromFirefoxPanel,
  waitFor,
  type FirefoxWithExtension,
} from '../../scripts/extension-firefox';
import { mkdirSync } from 'node:fs';
import { FIRST_DEMO_PATIENT, ROSTER } from '../../sandbox/data/roster';
import { EPR1, EPR2, patientKey } from '../e2e/support';
import { publish } from '../e2e/context-steps';
import { switchedCleanly } from '../e2e/patients-seen';
import { borrowedMarkup, liveMarkup, NOTHING_BORROWED, NOTHING_LIVE, patient as hostilePatient } from '../e2e/narrative-canaries';
import { serveHostileSource } from './hostile-source';
import { serveOnce } from './serve-once';
import { LAUNCH_PATH } from '../../sandbox/config';
import { clippedOrOverflowing, launchFirefox, openEprWithFirefoxPanel, openPinnedPanel, patientsShown, recordPatientsSeen, tabIdShowing } from './support';

const patient = FIRST_DEMO_PATIENT;
const key = patientKey(patient.nhsNumber);
const byKey = (k: string) => ROSTER.find((p) => p.key === k)!;

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

  it('follows a same-tab switch on EPR 1, a new page load: the old patient is gone before the new one is drawn', async () => {
    // The first test's tab still shows this patient: the panel must follow this tab, not that one.
    const next = byKey('p04');
    const { epr, panel } = await openEprWithFirefoxPanel(firefox, `${EPR1}/patient/${patient.key}`);
    await panel.waitForSelector(`.row[data-patient="${key}"]`, { timeout: 30_000 });
    const seen = await recordPatientsSeen(panel);
    const started = Date.now();
    await epr.goto(`${EPR1}/patient/${next.key}`);
    await panel.waitForSelector(`.banner[data-patient="${patientKey(next.nhsNumber)}"]`, { timeout: 5_000 });
    // Prompt, as in Chromium: a clinician must never read the last patient under the new one's name.
    expect(Date.now() - started).toBeLessThan(5_000);
    await panel.waitForSelector(`.row[data-patient="${patientKey(next.nhsNumber)}"]`, { timeout: 30_000 });
    expect(switchedCleanly(await seen(), key, patientKey(next.nhsNumber))).toBe(true);
    expect(await patientsShown(panel)).toEqual([patientKey(next.nhsNumber)]);
    await panel.close();
    await epr.close();
  });

  it('follows a switch inside EPR 2, a single-page app, never showing two patients', async () => {
    const [from, to] = [byKey('p03'), byKey('p02')];
    // A session patient an earlier file left on the hub must not meet this one.
    await publish('patient-close', from.nhsNumber);
    const { epr, panel } = await openEprWithFirefoxPanel(firefox, `${EPR2}/app/patient/${from.nhsNumber}`);
    await panel.waitForSelector(`.row[data-patient="${patientKey(from.nhsNumber)}"]`, { timeout: 30_000 });
    const seen = await recordPatientsSeen(panel);
    // Recent patients beside the record: a history.pushState switch, no page load between.
    const link = await epr.waitForSelector(`nav.side a[href="/app/patient/${to.nhsNumber}"]`);
    await link!.click();
    await panel.waitForSelector(`.banner[data-patient="${patientKey(to.nhsNumber)}"]`, { timeout: 5_000 });
    await panel.waitForSelector(`.row[data-patient="${patientKey(to.nhsNumber)}"]`, { timeout: 30_000 });
    expect(switchedCleanly(await seen(), patientKey(from.nhsNumber), patientKey(to.nhsNumber))).toBe(true);
    expect(await patientsShown(panel)).toEqual([patientKey(to.nhsNumber)]);
    await publish('patient-close', to.nhsNumber);
    await panel.close();
    await epr.close();
  });

  it('opens the patient an EPR launched through the launch URL, redirected to the launch page', async () => {
    const launched = byKey('p02');
    const epr = await firefox.browser.newPage();
    await epr.goto(`${EPR2}/app/patient/${launched.nhsNumber}`);
    const eprTab = await tabIdShowing(firefox, epr.url());
    const page = await extensionPageOpenedBy(firefox, 'launch.html', () => clickButton(epr, /^Launch fhirside$/));
    // The query came through the redirect whole (BiDi does not report the tab's moz-extension:// address: asked of the page).
    expect(await page.evaluate(() => new URLSearchParams(location.search).get('iss'))).toBe('http://127.0.0.1:8102/fhir');
    // Signed in already (the first test): the launch page goes straight to whom the launch names.
    await clickButton(page, /^Open .* from St Elsewhere Acute Trust$/);
    const panelUrl = `${FIREFOX_EXTENSION_ORIGIN}/sidepanel.html?tab=${eprTab}`;
    await waitFor(async () => (await page.evaluate(() => location.href).catch(() => '')) === panelUrl, 'the launch page to become the EPR tab\'s panel');
    await page.waitForSelector(`.banner[data-patient="${patientKey(launched.nhsNumber)}"]`);
    expect(await patientsShown(page)).toEqual([patientKey(launched.nhsNumber)]);
    await publish('patient-close', launched.nhsNumber);
    await page.close();
    await epr.close();
  });

  it('leaves the launch URL alone when a page on a host fhirside is not set up for opens it', async () => {
    // 127.0.0.2 is this computer too, but a host no rule names and no launchOrigins lists.
    const launchUrl = `${EPR2}${LAUNCH_PATH}?iss=${encodeURIComponent('http://127.0.0.1:8102/fhir')}&launch=chosen-by-the-page`;
    const other = await serveOnce('127.0.0.2', `<a href="${launchUrl}" target="_blank">Open the patient</a>`);
    const page = await firefox.browser.newPage();
    try {
      await page.goto(other.url);
      const before = new Set(await firefox.browser.pages());
      await page.click('a');
      await waitFor(async () => (await firefox.browser.pages()).some((p) => !before.has(p) && p.url() === launchUrl), 'the launch URL in a new tab');
      const opened = (await firefox.browser.pages()).find((p) => !before.has(p))!;
      await opened.waitForFunction(() => document.querySelector('h1')?.textContent === 'fhirside did not open');
      expect(await opened.evaluate(() => location.href)).toBe(launchUrl);
      await opened.close();
    } finally {
      await page.close();
      await other.close();
    }
  });

  it('renders a hostile source\'s narrative and display strings inert: the canary neither runs nor loads, the words are shown', async () => {
    const epr = await firefox.browser.newPage();
    await epr.goto(`${EPR1}/patient/${hostilePatient.key}`);
    const tab = await firefox.browser.newPage();
    const canaryCalls = await serveHostileSource(tab);
    const panel = await openExtensionPage(firefox, `sidepanel.html?tab=${await tabIdShowing(firefox, epr.url())}`, tab);
    await panel.waitForSelector('.source[data-source="acute"][data-state="done"]', { timeout: 60_000 });
    await panel.waitForFunction(() => [...document.querySelectorAll('.row')].some((row) => row.textContent?.includes('Hostile letter')), { timeout: 30_000 });

    // Open everything a clinician could open, and follow the hostile link if it survived as one.
    await panel.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await panel.evaluate(() => (document.getElementById('hostile-link') as HTMLElement | null)?.click());
    await new Promise((done) => setTimeout(done, 1500));
    expect(await panel.evaluate(() => (window as unknown as { __canary?: string }).__canary)).toBeUndefined();
    expect(canaryCalls).toEqual([]);
    expect(await panel.evaluate(liveMarkup)).toEqual(NOTHING_LIVE);
    expect(await panel.evaluate(borrowedMarkup)).toEqual(NOTHING_BORROWED);
    // Inert, not lost: the letter keeps its words, paragraph and table, and the allergy its row.
    await panel.waitForFunction(() => [...document.querySelectorAll('.narrative p')].some((p) => p.textContent?.includes('Discharge letter')));
    expect(await panel.$$eval('.narrative td[colspan="2"]', (cells) => cells.filter((c) => c.textContent?.includes('Creatinine 88')).length)).toBeGreaterThan(0);
    expect(await panel.$$eval('.section-allergies .row', (rows) => rows.filter((r) => r.textContent?.includes('Hostile letter')).length)).toBe(1);
    await panel.close();
    await epr.close();
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
