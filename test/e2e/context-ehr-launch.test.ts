/**
 * SMART EHR launch: the demo EPR's "Launch fhirside" mints a launch for the patient on screen and
 * opens fhirside's launch page, which signs in with it, reads the launch patient and becomes the
 * panel for the EPR tab, on that patient.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabIdOf, type ExtensionBrowser } from '../../scripts/extension-browser';
import { ROSTER } from '../../sandbox/data/roster';
import { publish, sessionValue } from './context-steps';
import { EPR2, launch, patientKey, patientsShown } from './support';

const patient = ROSTER.find((p) => p.key === 'p03')!;

describe('SMART EHR launch', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await publish('patient-close', patient.nhsNumber);
  });

  it('opens the panel on the patient the EPR launched it for', async () => {
    const epr = await browser.context.newPage();
    await epr.goto(`${EPR2}/app/patient/${patient.nhsNumber}`);
    const eprTab = await tabIdOf(browser, epr.url());

    const launched = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/launch.html') });
    await epr.getByRole('button', { name: 'Launch fhirside' }).click();
    const page = await launched;
    expect(new URL(page.url()).searchParams.get('iss')).toBe('http://127.0.0.1:8102/fhir');

    // A fresh browser has no sign-in yet: the launch page asks for one, from a click.
    const login = browser.context.waitForEvent('page', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Sign in to St Elsewhere Acute Trust' }).click();
    await (await login).getByRole('button', { name: 'Sign in', exact: true }).click();
    // Nothing changes until the clinician has seen whom the launch names, and from where.
    const confirm = page.getByRole('dialog');
    await confirm.getByText(patient.nhsNumber.replace(/(\d{3})(\d{3})(\d{4})/, '$1 $2 $3')).waitFor({ timeout: 30_000 });
    await confirm.getByRole('button', { name: /^Open .* from St Elsewhere Acute Trust$/ }).click();

    await page.waitForURL(new RegExp(`/sidepanel\\.html\\?tab=${eprTab}$`), { timeout: 30_000 });
    await page.locator(`.banner[data-patient="${patientKey(patient.nhsNumber)}"]`).waitFor();
    expect(await patientsShown(page)).toEqual([patientKey(patient.nhsNumber)]);
    expect(await sessionValue(browser, `tab-context:${eprTab}`)).toMatchObject({
      kind: 'patient', context: { origin: 'ehr-launch', identifier: { value: patient.nhsNumber } },
    });
    // The page, the FHIRcast session and the launch all name one patient: no warning.
    expect(await page.locator('.context-conflict').count()).toBe(0);
  });

  it('refuses a launch from a server fhirside is not set up for, without contacting it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/launch.html?iss=${encodeURIComponent('https://evil.example/fhir')}&launch=x`);
    await page.getByText('fhirside is not set up for https://evil.example/fhir, so it will not sign in there.').waitFor();
  });
});
