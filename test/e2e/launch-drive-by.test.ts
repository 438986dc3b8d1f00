/**
 * A drive-by EHR launch: a web page opens or frames fhirside's launch page with a launch id of its
 * choosing. It must not sign the clinician out of the source (fhirclient's authorize clears the
 * slot it signs in to), must not switch the panel to a patient the page chose, and a real launch
 * changes nothing until the clinician has clicked on a page naming the source and the patient.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInFromPanel, tabIdOf, type ExtensionBrowser } from '../../scripts/extension-browser';
import { ROSTER } from '../../sandbox/data/roster';
import { authIssuer, fhirBaseUrl } from '../../sandbox/config';
import { publish, sessionValue } from './context-steps';
import { EPR1, EPR2, launch, openEprWithPanel } from './support';

const victim = ROSTER.find((p) => p.key === 'p01')!;
const chosen = ROSTER.find((p) => p.key === 'p03')!;
/** A site no context rule names, on a loopback port nothing listens on: the test answers for it. */
const ATTACKER = 'http://127.0.0.1:8198';

/** The access token of a source's standing session (its `smart:<id>:` slice of session storage). */
function standingToken(browser: ExtensionBrowser, sourceId: string): Promise<string | undefined> {
  return browser.background.evaluate(async (prefix: string) => {
    const all = await chrome.storage.session.get(null);
    const key = all[`${prefix}SMART_KEY`] as string | undefined;
    return (key ? (all[prefix + key] as { tokenResponse?: { access_token?: string } } | undefined) : undefined)?.tokenResponse?.access_token;
  }, `smart:${sourceId}:`);
}
declare const chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };

/** A launch id the sandbox auth server minted for a patient of the attacker's choosing. */
async function mintLaunch(patientId: string): Promise<string> {
  const answer = await fetch(`${authIssuer()}/launch`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ patient: patientId }) });
  return ((await answer.json()) as { launch: string }).launch;
}

describe('drive-by EHR launch', () => {
  let browser: ExtensionBrowser;
  let launchUrl: string;
  let acuteToken: string | undefined;

  beforeAll(async () => {
    browser = await launch();
    // The clinician is at work: signed in to every source from the panel beside their EPR.
    const { panel } = await openEprWithPanel(browser, `${EPR1}/patient/${victim.key}`);
    await signInFromPanel(browser, panel);
    acuteToken = await standingToken(browser, 'acute');
    expect(acuteToken).toBeTruthy();
    const iss = encodeURIComponent(fhirBaseUrl('acute'));
    launchUrl = `chrome-extension://${browser.extensionId}/launch.html?iss=${iss}&launch=${await mintLaunch(`${chosen.key}-acute`)}`;
    await browser.context.route(`${ATTACKER}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      const body = path === '/frame'
        ? `<h1>Cute cats</h1><iframe src="${launchUrl}" width="600" height="300"></iframe>`
        : `<h1>Cute cats</h1><button onclick="window.open('${launchUrl}')">More cats</button>`;
      return route.fulfill({ contentType: 'text/html', body });
    });
  });
  afterAll(async () => {
    await browser?.close();
    await publish('patient-close', chosen.nhsNumber);
  });

  it('refuses a launch opened by a page no rule names, and the clinician stays signed in', async () => {
    const attacker = await browser.context.newPage();
    await attacker.goto(`${ATTACKER}/open`);
    const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/launch.html') });
    await attacker.getByRole('button', { name: 'More cats' }).click();
    const page = await opened;
    await page.getByRole('alert').getByText('fhirside opens a patient only for an EPR it is set up for, and 127.0.0.1:8198 is not one.').waitFor({ timeout: 15_000 });
    expect(await standingToken(browser, 'acute')).toBe(acuteToken);
    expect(await sessionValue(browser, `tab-context:${await tabIdOf(browser, attacker.url())}`)).not.toMatchObject({ kind: 'patient' });
  });

  it('refuses to run inside another page', async () => {
    const attacker = await browser.context.newPage();
    await attacker.goto(`${ATTACKER}/frame`);
    const frame = attacker.frameLocator('iframe');
    await frame.getByText('fhirside\'s launch page does not run inside another page.').waitFor({ timeout: 15_000 });
    expect(await standingToken(browser, 'acute')).toBe(acuteToken);
  });

  it('opens a real launch only after the clinician confirms the named patient, keeping the standing session', async () => {
    const epr = await browser.context.newPage();
    await epr.goto(`${EPR2}/app/patient/${chosen.nhsNumber}`);
    const eprTab = await tabIdOf(browser, epr.url());
    const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/launch.html') });
    await epr.getByRole('button', { name: 'Launch fhirside' }).click();
    const page: Page = await opened;

    const confirm = page.getByRole('dialog');
    await confirm.getByText(`${chosen.nhsNumber.slice(0, 3)} ${chosen.nhsNumber.slice(3, 6)} ${chosen.nhsNumber.slice(6)}`).waitFor({ timeout: 30_000 });
    await expect(confirm.textContent()).resolves.toContain('127.0.0.1:8111 asks fhirside to open a patient from St Elsewhere Acute Trust');
    // Until the click, the EPR tab's context is the page's own, never the launch's.
    expect(await sessionValue(browser, `tab-context:${eprTab}`)).not.toMatchObject({ context: { origin: 'ehr-launch' } });

    await confirm.getByRole('button', { name: /^Open .* from St Elsewhere Acute Trust$/ }).click();
    await page.waitForURL(new RegExp(`/sidepanel\\.html\\?tab=${eprTab}$`), { timeout: 30_000 });
    expect(await sessionValue(browser, `tab-context:${eprTab}`)).toMatchObject({ kind: 'patient', context: { origin: 'ehr-launch', identifier: { value: chosen.nhsNumber } } });
    expect(await standingToken(browser, 'acute')).toBe(acuteToken);
  });
});
