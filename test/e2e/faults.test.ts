/**
 * Every way the sandbox can make a source misbehave, one after another on the acute trust, with
 * the acute trust behaving as each server profile (plain engine, then each named product): the
 * panel keeps showing the GP's record and the last good saved copy, says in plain words what went
 * wrong with the acute trust, and no extension page throws.
 *
 * One browser and one sandbox for all of it; the profile is switched live. The plain engine meets
 * every fault; a named profile meets the faults whose path its rules change (FAULT_PATHS), each
 * distinct path once, so a combination already proved is not proved again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInFromPanel, type ExtensionBrowser } from '../../scripts/extension-browser';
import { saveUserSettings } from '../../scripts/extension-settings';
import { PORTS } from '../../sandbox/config';
import { ROSTER } from '../../sandbox/data/roster';
import type { FaultMode } from '../../sandbox/fhir/faults';
import { collectPageErrors, EPR1, launch, openEprWithPanel, patientKey, patientsShown } from './support';
import { NAMED, setProfile } from './profile-steps';
import { rulesOf } from '../../sandbox/fhir/profiles/named';
import type { RuleName } from '../../sandbox/fhir/profiles/rules';

const ADMIN = `http://127.0.0.1:${PORTS.admin}`;
const patient = ROSTER.find((p) => p.key === 'p01')!;
const setFault = (mode: FaultMode) => fetch(`${ADMIN}/sources/acute/fault`, { method: 'POST', body: JSON.stringify({ mode }) });

/** What the acute trust's line must say under each fault (state, and words a clinician understands). */
const EXPECTED: Record<Exclude<FaultMode, 'none'>, { state: string; says: RegExp }> = {
  'http-500': { state: 'error', says: /internal error \(HTTP 500\)/ },
  'http-503': { state: 'error', says: /busy; try again shortly/ },
  'http-429': { state: 'error', says: /busy; try again shortly/ },
  'token-expired': { state: 'done', says: /Up to date/ },
  // A profile may refuse other types of its own (epic-like reads Immunization by id only), listed first.
  'forbidden-type': { state: 'done', says: /Not loaded: (?:.*; )?Observation \(This source does not allow you to see this record/ },
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

const PAGING: readonly RuleName[] = ['getpages-links', 'page-context-links', 'continuation-links', 'expiring-links', 'short-pages', 'count-cap', 'repeat-ids'];

/**
 * The profile rules that change the way a fault reaches fhirside. A fault answered before the
 * profile layer sees the request (an HTTP error, garbage, a truncated body) arrives the same
 * whatever the profile, except that without batch each search meets it on its own; a request that
 * never answers, or answers too slowly, ends at fhirside's timeout whatever it asked. Faults that
 * bend a normal answer meet the profile's paging links, page sizes and data manners; an expired
 * token meets a server whose own tokens expire; a refused type meets grants narrowed by the profile.
 */
const FAULT_PATHS: Record<keyof typeof EXPECTED, readonly RuleName[]> = {
  'http-500': ['no-batch'],
  'http-503': ['no-batch'],
  'http-429': ['no-batch'],
  'malformed-json': ['no-batch'],
  'html-error': ['no-batch'],
  'truncated-bundle': ['no-batch'],
  hang: [],
  trickle: [],
  'token-expired': ['token-lifetime'],
  'forbidden-type': ['no-batch', 'narrow-scope', 'read-without-search'],
  'next-loop': PAGING,
  'next-other-host': PAGING,
  'invalid-resources': ['nka-placeholder', 'mask-entered-in-error', 'contained-medications', 'document-binary'],
  'huge-page': ['count-cap', 'short-pages'],
};

/** Per profile, the faults to run: every one for the plain engine, then each new path once. */
function casesPerProfile(): [string, (keyof typeof EXPECTED)[]][] {
  const proved = new Set<string>();
  return ['strict-standard', ...NAMED].map((profile) => {
    const rules = rulesOf(profile);
    const modes = (Object.keys(EXPECTED) as (keyof typeof EXPECTED)[]).filter((mode) => {
      const path = `${mode}:${FAULT_PATHS[mode].filter((rule) => rules.includes(rule)).sort().join('+')}`;
      if (proved.has(path)) return false;
      proved.add(path);
      return true;
    });
    return [profile, modes];
  });
}

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

    const cases = casesPerProfile();
    // Every named profile meets at least one fault its rules change.
    for (const [profile, modes] of cases) expect(modes.length, profile).toBeGreaterThan(0);
    for (const [profile, modes] of cases) {
      await setFault('none');
      await setProfile(profile, ['acute']);
      for (const mode of modes) {
        const expected = EXPECTED[mode];
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
