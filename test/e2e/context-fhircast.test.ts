/**
 * FHIRcast end to end: the demo EPR publishes to the sandbox hub and fhirside follows the session
 * over its WebSocket subscription; an event from elsewhere on the desktop moves the panel too,
 * and when the session and the page disagree the panel says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInFromPanel, type ExtensionBrowser } from '../../scripts/extension-browser';
import { ROSTER } from '../../sandbox/data/roster';
import { HUB, publish, sessionValue } from './context-steps';
import { EPR1, EPR2, launch, openEprWithPanel, patientKey, patientsShown } from './support';

declare const chrome: { alarms: { getAll(): Promise<{ name: string }[]> } };

const byKey = (key: string) => ROSTER.find((p) => p.key === key)!;
const fromHub = byKey('p05');
const onPage = byKey('p11');
const other = byKey('p13');

describe('FHIRcast', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    await publish('patient-close', fromHub.nhsNumber);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await publish('patient-close', other.nhsNumber);
  });

  it('subscribes over WebSocket only with a sign-in the hub accepts, saying the panel is not in sync until then', async () => {
    // The hub takes no subscription without a token from its authorization server.
    const { panel } = await openEprWithPanel(browser, `${EPR1}/patient/${fromHub.key}`);
    await expect.poll(() => sessionValue(browser, 'fhircast:status'), { timeout: 15_000 }).toMatchObject({ status: 'retrying', hubUrl: HUB });
    await panel.getByRole('alert').getByText('Not in sync with the EPR.').waitFor();

    await signInFromPanel(browser, panel);
    await expect.poll(() => sessionValue(browser, 'fhircast:status'), { timeout: 15_000 }).toMatchObject({ status: 'subscribed', hubUrl: HUB });
    await panel.getByText('Not in sync with the EPR.').waitFor({ state: 'detached' });
    expect(await browser.background.evaluate(() => chrome.alarms.getAll())).toContainEqual(expect.objectContaining({ name: 'fhircast-keep-alive' }));
  });

  it('follows patient-open from the hub, the EPR\'s own publishing, and warns when the session and the page disagree', async () => {
    const { epr, panel } = await openEprWithPanel(browser, `${EPR2}/app`);
    await panel.getByText('No patient on this page').waitFor();

    // Another application in the clinician's session opens a patient.
    await publish('patient-open', fromHub.nhsNumber);
    await panel.locator(`.banner[data-patient="${patientKey(fromHub.nhsNumber)}"]`).waitFor();
    expect(await patientsShown(panel)).toEqual([patientKey(fromHub.nhsNumber)]);

    // The EPR itself opens a patient: it publishes, and page and session agree.
    await epr.getByRole('link', { name: new RegExp(onPage.family, 'i') }).first().click();
    await panel.locator(`.banner[data-patient="${patientKey(onPage.nhsNumber)}"]`).waitFor();
    await expect.poll(() => panel.locator('.context-conflict').count()).toBe(0);

    // The session moves on while the page still shows its patient: the session wins, visibly.
    await publish('patient-open', other.nhsNumber);
    await panel.locator(`.banner[data-patient="${patientKey(other.nhsNumber)}"]`).waitFor();
    const warning = panel.locator('.context-conflict');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('999 118 7863');
    expect(await warning.textContent()).toContain('this page names NHS No. 999 095 0296');
    expect(await patientsShown(panel)).toEqual([patientKey(other.nhsNumber)]);

    // patient-close: the session has no patient, so the page's own patient is shown again.
    await publish('patient-close', other.nhsNumber);
    await panel.locator(`.banner[data-patient="${patientKey(onPage.nhsNumber)}"]`).waitFor();
    await expect.poll(() => panel.locator('.context-conflict').count()).toBe(0);

    await epr.getByRole('button', { name: 'Close patient' }).click();
    await panel.getByText('No patient on this page').waitFor();
  });
});
