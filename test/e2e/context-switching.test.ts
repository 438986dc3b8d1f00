/**
 * The panel always shows the patient of the tab in front, and never two patients at once: a patient
 * switch inside a single-page EPR, a switch between EPR tabs, and a non-clinical tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInFromPanel, tabIdOf, type ExtensionBrowser } from '../../scripts/extension-browser';
import { ROSTER } from '../../sandbox/data/roster';
import { activateTab, publish, recordPatientsSeen, sessionValue } from './context-steps';
import { collectPageErrors, EPR1, EPR2, launch, openEprWithPanel, patientKey, patientsShown } from './support';

const byKey = (key: string) => ROSTER.find((p) => p.key === key)!;
const a = byKey('p03');
// In EPR 2's "Recent patients" beside A's record: a switch with no list page between.
const b = byKey('p02');
const riverside = byKey('p01');

describe('following the patient on screen', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    // A session patient left open by an earlier run must not meet this one.
    await publish('patient-close', a.nhsNumber);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs the context script only where registered, for the configured sites', async () => {
    const registered = () => browser.background.evaluate(() => (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> } } }).chrome.scripting.getRegisteredContentScripts());
    // The first read of managed policy after a browser starts can take seconds: registration waits for it.
    await expect.poll(registered, { timeout: 15_000 }).toEqual([expect.objectContaining({ id: 'fhirside-context', matches: ['http://127.0.0.1/*', 'http://localhost/*'] })]);
  });

  it('removes patient A\'s data before patient B\'s appears when a single-page EPR switches patient', async () => {
    const { epr, panel } = await openEprWithPanel(browser, `${EPR2}/app/patient/${a.nhsNumber}`);
    const errors = collectPageErrors(panel);
    await panel.locator(`.banner[data-patient="${patientKey(a.nhsNumber)}"]`).waitFor();
    await signInFromPanel(browser, panel);
    await panel.locator('.source[data-source="mh"][data-state="done"]').waitFor({ timeout: 30_000 });
    // A's clinical rows, not just the banner, are on screen before the switch.
    expect(await panel.locator(`.row[data-patient="${patientKey(a.nhsNumber)}"]`).count()).toBeGreaterThan(0);

    const seen = await recordPatientsSeen(panel);
    await epr.locator('nav.side').getByRole('link', { name: new RegExp(b.family, 'i') }).click();
    await panel.locator(`.row[data-patient="${patientKey(b.nhsNumber)}"]`).first().waitFor({ timeout: 30_000 });
    const history = await seen();
    expect(history.every((set) => set.length <= 1)).toBe(true);
    const firstB = history.findIndex((set) => set.includes(patientKey(b.nhsNumber)));
    expect(firstB).toBeGreaterThan(0);
    expect(history.slice(firstB).some((set) => set.includes(patientKey(a.nhsNumber)))).toBe(false);
    expect(await patientsShown(panel)).toEqual([patientKey(b.nhsNumber)]);
    // Page and FHIRcast session agree: no warning.
    expect(await panel.locator('.context-conflict').count()).toBe(0);
    expect(errors).toEqual([]);
    await epr.getByRole('button', { name: 'Close patient' }).click();
    await epr.close();
    await panel.close();
  });

  it('follows the tab in front, and blanks at once for a tab with no patient', async () => {
    const first = await browser.context.newPage();
    await first.goto(`${EPR1}/patient/${riverside.key}`);
    const second = await browser.context.newPage();
    await second.goto(`${EPR2}/app/patient/${b.nhsNumber}`);
    const news = await browser.context.newPage();
    await news.goto('data:text/html,<h1>Hospital news</h1><p>The canteen opens at 8.</p>');
    const [firstId, secondId] = [await tabIdOf(browser, first.url()), await tabIdOf(browser, second.url())];
    const newsId = await tabIdOf(browser, news.url());

    // Not pinned: the panel follows whichever tab is active in its window.
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await sessionValue(browser, `tab-context:${secondId}`).then((r) => expect(r).toMatchObject({ kind: 'patient' }));
    const seen = await recordPatientsSeen(panel);

    await activateTab(browser, firstId);
    await panel.locator(`.banner[data-patient="${patientKey(riverside.nhsNumber)}"]`).waitFor();
    await activateTab(browser, secondId);
    await panel.locator(`.banner[data-patient="${patientKey(b.nhsNumber)}"]`).waitFor();
    await activateTab(browser, newsId);
    await panel.getByText('No patient on this page').waitFor();
    expect(await patientsShown(panel)).toEqual([]);
    await activateTab(browser, firstId);
    await panel.locator(`.banner[data-patient="${patientKey(riverside.nhsNumber)}"]`).waitFor();

    expect((await seen()).every((set) => set.length <= 1)).toBe(true);
    await second.close();
  });
});
