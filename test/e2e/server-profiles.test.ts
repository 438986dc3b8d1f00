/**
 * The panel against each named server profile (sandbox/fhir/profiles/named.ts) on every source
 * at once shows the same clinical content as against the plain engine for the same patients.
 * A section may differ only where the profile withholds something, and then the panel says so in
 * words: in the section ("May be incomplete: …") and on the source's line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signInFromPanel, type ExtensionBrowser } from '../../scripts/extension-browser';
import { ROSTER } from '../../sandbox/data/roster';
import { EPR1, launch, openEprWithPanel, patientKey, patientsShown } from './support';
import { forgetSavedCopies, loadBundle, NAMED, setProfile, shownContent, sourceLines } from './profile-steps';

const PATIENTS = ['p01', 'p03'].map((key) => ROSTER.find((p) => p.key === key)!);

/** What each profile may withhold, and the words the panel must then say on that source's line. */
const IMPOSED: Record<(typeof NAMED)[number], { sections: string[]; says: RegExp[] }> = {
  // Observations and care plans only by category (what is in no listed category cannot be asked
  // for); a "No known allergies" record where the source has none; immunisations granted read by
  // id without search, so none can be found.
  'epic-like': {
    sections: ['results', 'vitals', 'careplans', 'allergies', 'immunizations'],
    says: [/Limited: .*Observation \(this source gives Observation records only by category/, /Not loaded: Immunization \(This source does not allow you to see this record/],
  },
  // Documents not granted to the application.
  'oracle-health-like': { sections: ['documents'], says: [/Not loaded: DocumentReference \(This source does not allow you to see this record/] },
  // Nothing: its paging, expiring links, repeated ids and contained medicines are all coped with.
  'hapi-like': { sections: [], says: [] },
};

type Content = Awaited<ReturnType<typeof shownContent>>;

const VERIFICATION = { allergy: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', condition: 'http://terminology.hl7.org/CodeSystem/condition-ver-status' };
/** An allergy and a problem recorded for the child p06 at the GP and then withdrawn as entered in error. */
const ENTERED_IN_ERROR = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { resource: { resourceType: 'AllergyIntolerance', id: 'p06-gp-eie-allergy', patient: { reference: 'Patient/p06-gp' }, recordedDate: '2026-10-01', verificationStatus: { coding: [{ system: VERIFICATION.allergy, code: 'entered-in-error' }] }, code: { coding: [{ system: 'http://snomed.info/sct', code: '300916003', display: 'Latex allergy' }], text: 'Latex allergy' } } },
    { resource: { resourceType: 'Condition', id: 'p06-gp-eie-problem', subject: { reference: 'Patient/p06-gp' }, recordedDate: '2026-10-01', verificationStatus: { coding: [{ system: VERIFICATION.condition, code: 'entered-in-error' }] }, code: { coding: [{ system: 'http://snomed.info/sct', code: '195967001', display: 'Asthma' }], text: 'Asthma' } } },
  ],
};

describe('the same record from servers that behave differently', () => {
  let browser: ExtensionBrowser;
  let epr: Page;
  let panel: Page;
  const strict = new Map<string, Content>();

  /** Shows `patient` live (no saved copy) and returns what the panel shows once complete. */
  async function look(patientKeyName: string): Promise<Content> {
    await forgetSavedCopies(browser);
    await epr.goto(`${EPR1}/patient/${patientKeyName}`);
    await panel.reload();
    await expect.poll(() => panel.evaluate(() => performance.getEntriesByName('fhirside:complete').length), { timeout: 60_000 }).toBe(1);
    const patient = ROSTER.find((p) => p.key === patientKeyName)!;
    expect(await patientsShown(panel)).toEqual([patientKey(patient.nhsNumber)]);
    return shownContent(panel);
  }

  beforeAll(async () => {
    browser = await launch();
    ({ epr, panel } = await openEprWithPanel(browser, `${EPR1}/patient/${PATIENTS[0]!.key}`));
    await signInFromPanel(browser, panel);
  }, 60_000);
  afterAll(async () => {
    await setProfile('strict-standard');
    await browser?.close();
  });

  it('strict-standard: the plain engine gives every source whole, the baseline for the others', async () => {
    await setProfile('strict-standard');
    for (const patient of PATIENTS) {
      strict.set(patient.key, await look(patient.key));
      for (const line of Object.values(await sourceLines(panel))) expect(line.text).not.toMatch(/Not loaded|Limited/);
    }
    expect(strict.get('p03')!['allergies']!.rows.length).toBeGreaterThan(0);
  }, 120_000);

  for (const profile of NAMED) {
    it(`${profile}: the same clinical content, and any difference named in words`, async () => {
      // Oracle Health's tokens live 570 s; here 3 s, so tokens expire in the middle of look-ups.
      await setProfile(profile, undefined, profile === 'oracle-health-like' ? { tokenSeconds: 3 } : {});
      const imposed = IMPOSED[profile];
      for (const patient of PATIENTS) {
        const shown = await look(patient.key);
        const plain = strict.get(patient.key)!;
        const lines = await sourceLines(panel);
        for (const [id, line] of Object.entries(lines)) expect(line.state, `${profile} ${patient.key} ${id}: ${line.text}`).toMatch(/^(done|not-known)$/);
        for (const [section, { rows }] of Object.entries(plain)) {
          const got = shown[section]!;
          if (!imposed.sections.includes(section)) {
            expect(got.rows, `${profile} ${patient.key} ${section}`).toEqual(rows);
            continue;
          }
          const missing = rows.filter((r) => !got.rows.includes(r));
          const extra = got.rows.filter((r) => !rows.includes(r));
          // Nothing appears that the plain engine did not give, but a "no known allergies" statement.
          expect(extra.every((r) => /no known allerg/i.test(r)), `${profile} ${patient.key} ${section} extra ${extra.join(' | ')}`).toBe(true);
          // What is missing is named in the section itself.
          if (missing.length > 0) expect(got.incomplete, `${profile} ${patient.key} ${section} lost ${missing.join(' | ')}`).toMatch(/^May be incomplete: /);
        }
        const allLines = Object.values(lines).map((l) => l.text).join('\n');
        for (const words of imposed.says) if (lines['acute']?.state === 'done') expect(allLines, `${profile} ${patient.key}`).toMatch(words);
        if (imposed.says.length === 0) expect(allLines, `${profile} ${patient.key}`).not.toMatch(/Not loaded|Limited/);
      }
    }, 240_000);
  }
  it('mask-entered-in-error: a withdrawn record is listed only as removed, its name withheld and said so', async () => {
    // The generated records hold nothing entered in error; a child's GP record gets two.
    await loadBundle('gp', ENTERED_IN_ERROR);
    const removedAndLive = async (section: string) => ({
      removed: await panel.locator(`section[data-section="${section}"] li.removed .row-text`).allTextContents(),
      live: await panel.locator(`section[data-section="${section}"] li:not(.removed) .row-text`).allTextContents(),
    });
    await setProfile('strict-standard');
    await look('p06');
    expect(await removedAndLive('allergies')).toMatchObject({ removed: ['Latex allergy'], live: expect.not.arrayContaining(['Latex allergy']) });
    expect((await removedAndLive('problems')).removed).toEqual(['Asthma']);
    expect(await panel.locator('section[data-section="allergies"] .removed-rows').textContent()).toMatch(/Removed by the source \(1\)/);

    await setProfile('mask-entered-in-error', ['gp']);
    await look('p06');
    expect(await removedAndLive('allergies')).toMatchObject({ removed: ['Allergy (withheld by the source)'] });
    expect((await removedAndLive('problems')).removed).toEqual(['Problem (withheld by the source)']);
    // The withheld names appear nowhere, and nothing masked is drawn as a live finding.
    const text = (await panel.locator('main, body').first().textContent()) ?? '';
    expect(text).not.toMatch(/Latex allergy|Asthma/);
    for (const section of ['allergies', 'problems']) expect((await removedAndLive(section)).live.join('|')).not.toMatch(/withheld/);
  }, 120_000);
});
