/**
 * Every way the sandbox can make a source misbehave, one after another on the acute trust, with
 * the acute trust behaving as each server profile (plain engine, then each named product): the
 * panel keeps showing the GP's record and the last good saved copy, says in plain words what went
 * wrong with the acute trust, and no extension page throws.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInFromPanel, type ExtensionBrowser } from '../../scripts/extension-browser';
import { saveUserSettings } from '../../scripts/extension-settings';
import { PORTS } from '../../sandbox/config';
import { ROSTER } from '../../sandbox/data/roster';
import type { FaultMode } from '../../sandbox/fhir/faults';
import { collectPageErrors, EPR1, launch, openEprWithPanel, patientKey, patientsShown } from './support';
import { NAMED, setProfile } from './profile-steps';

const ADMIN = `http://127.0.0.1:${PORTS.admin}`;
const patient = ROSTER.find((p) => p.key === 'p01')!;
const setFault = (mode: FaultMode) => fetch(`${ADMIN}/sources/acute/fault`, { method: 'POST', body: JSON.stringify({ mode }) });

/** What the acute trust's line must say under each fault (state, and words a clinician understands). */
const EXPECTED: Record<Exclude<FaultMode, 'none'>, { state: string; says: RegExp }> = {
  'http-500': { state: 'error', says: /internal error \(HTTP 500\)/ },
  'http-503': { state: 'error', says: /busy; try again shortly/ },
  'http-429': { state: 'error', says: /busy; try again shortly/ },
  'token-expired': { state: 'done', says: /Up to date/ },
  'forbidden-type': { state: 'done', says: /Not loaded: Observation \(This source does not allow you to see this record/ },
  hang: { state: 'error', says: /did not answer in time/ },
  trickle: { state: 'error', says: /did not answer in time/ },
  'malformed-json': { state: 'error', says: /not valid FHIR JSON/ },
  'html-error': { state: 'error', says: /internal error \(HTTP 502\)/ },
  'truncated-bundle': { state: 'error', says: /not valid FHIR JSON/ },
  'next-loop': { state: 'done', says: /Up to date/ },
  'next-other-host': { state: 'done', says: /pointed to another server/ },
  'invalid-resources': { state: 'done', says: /Up to date/ },
  'huge-page': { state: 'done', says: /Up to date/ },
};

describe('a misbehaving source', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await setFault('none');
    await setProfile('strict-standard', ['acute']);
    await browser?.close();
  });

  it('never takes the panel down with it, whatever kind of server it is', async () => {
    // A short timeout for the acute trust, so "no answer" is seen in seconds rather than fifteen.
    await saveUserSettings(browser, {
      sources: [{ id: 'acute', name: 'St Elsewhere Acute Trust', fhirBaseUrl: `http://127.0.0.1:${PORTS.acute}/fhir`, clientId: 'fhirside', scope: 'openid fhirUser offline_access user/*.read', timeoutMs: 3000 }],
    });
    const { panel } = await openEprWithPanel(browser, `${EPR1}/patient/${patient.key}`);
    const errors = collectPageErrors(panel);
    // Every extension context: uncaught errors in any page of the browser, and errors the panel logs.
    // The browser's own "Failed to load resource" lines are the injected faults, not our errors.
    browser.context.on('weberror', (error) => errors.push(`uncaught: ${error.error().message}`));
    panel.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
    });
    await signInFromPanel(browser, panel);
    await panel.locator('.source[data-source="acute"][data-state="done"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => panel.evaluate(() => performance.getEntriesByName('fhirside:complete').length)).toBe(1);
    const goodAllergies = await panel.locator('.section-allergies li .row-text').allTextContents();
    expect(goodAllergies.length).toBeGreaterThan(0);

    for (const profile of ['strict-standard', ...NAMED]) {
      await setFault('none');
      await setProfile(profile, ['acute']);
      for (const [mode, expected] of Object.entries(EXPECTED)) {
        const at = `${profile} ${mode}`;
        expect((await setFault(mode as FaultMode)).status, at).toBe(200);
        await panel.reload();
        await expect.poll(() => panel.evaluate(() => performance.getEntriesByName('fhirside:complete').length), { timeout: 30_000 }).toBe(1);
        const acute = panel.locator('.source[data-source="acute"]');
        expect(await acute.getAttribute('data-state'), at).toBe(expected.state);
        expect(await acute.textContent(), at).toMatch(expected.says);
        expect(await panel.locator('.source[data-source="gp"]').getAttribute('data-state'), at).toBe('done');
        // The GP's facts, or the last good saved copy, are still in front of the clinician (an
        // unreadable allergy from the failing source is added as a row, never dropped).
        expect(await panel.locator('.section-allergies li .row-text').allTextContents(), at).toEqual(expect.arrayContaining(goodAllergies));
        expect(await patientsShown(panel), at).toEqual([patientKey(patient.nhsNumber)]);
      }
    }

    await setFault('none');
    await panel.reload();
    await expect.poll(() => panel.evaluate(() => performance.getEntriesByName('fhirside:cache-rendered').length)).toBe(1);
    expect(errors).toEqual([]);
  }, 600_000);
});
