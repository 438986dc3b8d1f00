/**
 * SMART EHR launch: the demo EPR's "Launch fhirside" mints a launch for the patient on screen and
 * opens the launch URL (an ordinary web address, the same in every browser), which fhirside
 * redirects to its launch page; the page signs in with the launch, reads the launch patient and
 * becomes the panel for the EPR tab, on that patient. A page on a site fhirside is not set up for
 * that opens the launch URL is not redirected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabIdOf, type ExtensionBrowser } from '../../scripts/extension-browser';
import { LAUNCH_PATH } from '../../sandbox/config';
import { ROSTER } from '../../sandbox/data/roster';
import { publish, sessionValue } from './context-steps';
import { EPR2, launch, patientKey, patientsShown } from './support';

const patient = ROSTER.find((p) => p.key === 'p03')!;

/** How many launch URL redirects the browser holds for the extension. */
const launchRedirects = (browser: ExtensionBrowser) =>
  browser.background.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).filter((rule) => rule.action.type === 'redirect').length);
declare const chrome: { declarativeNetRequest: { getDynamicRules(): Promise<{ action: { type: string } }[]> } };

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
    // A new install sets the redirect once it has read its configuration (policy can take seconds).
    await expect.poll(() => launchRedirects(browser), { timeout: 15_000 }).toBe(1);
    const epr = await browser.context.newPage();
    await epr.goto(`${EPR2}/app/patient/${patient.nhsNumber}`);
    const eprTab = await tabIdOf(browser, epr.url());
    // The EPR knows only the launch URL, never fhirside's own address.
    expect(await epr.evaluate(() => (JSON.parse(document.getElementById('cw-integration')!.textContent!) as { launch: { appLaunchUrl: string } }).launch.appLaunchUrl)).toBe(LAUNCH_PATH);

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

  it('leaves the launch URL alone when a page on a site fhirside is not set up for opens it', async () => {
    // Only an EPR host may start a launch: this page's host is named by no rule and no launchOrigins.
    const launchUrl = `${EPR2}${LAUNCH_PATH}?iss=${encodeURIComponent('http://127.0.0.1:8102/fhir')}&launch=chosen-by-the-page`;
    await browser.context.route('http://launcher.invalid/**', (route) => route.fulfill({ contentType: 'text/html', body: `<a href="${launchUrl}" target="_blank">Open the patient</a>` }));
    const other = await browser.context.newPage();
    await other.goto('http://launcher.invalid/');
    const opened = browser.context.waitForEvent('page');
    await other.getByRole('link', { name: 'Open the patient' }).click();
    const page = await opened;
    await page.getByRole('heading', { name: 'fhirside did not open' }).waitFor();
    expect(page.url()).toBe(launchUrl);
  });
});
