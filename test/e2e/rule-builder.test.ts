/**
 * The rule builder end to end: an analyst teaches fhirside Harbour Care Record (EPR 3, no built-in
 * rule: the patient in a frame, other people's NHS numbers around it) from scratch on the options
 * page with clicks only, tests the rule on three patients and exports it; a fresh browser given
 * the exported rule pack by managed policy follows patients there in the panel.
 */
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser';
import { ROSTER } from '../../sandbox/data/roster';
import { othersShownWith } from '../../sandbox/epr/harbour';
import { launch, openEprWithPanel, patientKey, patientsShown } from './support';

const EPR3 = 'http://127.0.0.1:8112';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/fhirside-e2e-rule-pack-policy.json`;
const [p01, p02, p03] = ROSTER as [typeof ROSTER[0], typeof ROSTER[0], typeof ROSTER[0]];

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Element): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    return (await axe.run(document.querySelector('main')!)).violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/** Waits for the EPR page to show a patient's framed record. */
const recordShown = (epr: Page, key: string) => epr.frameLocator('iframe.record').locator(`#patient-details`).filter({ hasText: ROSTER.find((p) => p.key === key)!.family.toUpperCase() }).waitFor();

describe('teaching fhirside a new EPR', () => {
  const opened: ExtensionBrowser[] = [];
  let pack: { name: string; rules: unknown[] } | undefined;
  afterAll(async () => {
    rmSync(POLICY_FILE, { force: true });
    for (const b of opened) await b.close();
  });

  it('proposes a rule for the patient\'s own number from clicks alone, tests it on three patients and exports it', async () => {
    const browser = await launch();
    opened.push(browser);
    const epr = await browser.context.newPage();
    await epr.goto(`${EPR3}/record/${p01.key}`);
    await recordShown(epr, p01.key);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // Diagnostics before teaching: the built-in "labelled number anywhere" rule reads two numbers in the frame.
    const before = options.locator(`tr[data-diagnosis][data-url="${EPR3}/record/${p01.key}"]`);
    await before.and(options.locator('[data-reason="several"]')).waitFor();
    expect(await before.textContent()).toMatch(/nhs-number-on-page.*Frame http:\/\/127\.0\.0\.1:8112\/frame\/p01: Read 999 000 0018, 999 \d{3} \d{4}: the page shows 2 different NHS numbers.*No patient/);

    await options.locator(`tr[data-url="${EPR3}/record/${p01.key}"]`).getByRole('button', { name: 'Teach fhirside this page' }).click();
    const numbers = options.locator('tr[data-candidate][data-kind="nhs-number"]');
    await numbers.first().waitFor();
    // Every valid number it can see, in the page and its frame: the patient's, the next of kin's, the GP list's.
    const { nextOfKin, gpList } = othersShownWith(ROSTER, p01);
    expect(new Set(await numbers.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-value'))))).toEqual(new Set([p01, nextOfKin, ...gpList].map((p) => p.nhsNumber)));
    expect(await options.locator(`tr[data-candidate][data-value="${p01.nhsNumber}"]`).textContent()).toMatch(/labelled “NHS Number”, under “HOLLOWAY, Susan \(Mrs\)”/);

    await options.locator(`tr[data-candidate][data-value="${p01.birthDate}"]`).getByRole('button', { name: /date of birth/ }).click();
    await options.locator(`tr[data-candidate][data-value="${p01.nhsNumber}"]`).getByRole('button', { name: /NHS number/ }).click();
    await options.locator(`tr[data-test-url="${EPR3}/record/${p01.key}"][data-verdict="one"]`).waitFor();
    const rule = JSON.parse((await options.locator('[data-rule-json]').textContent()) ?? '') as Record<string, unknown>;
    expect(rule).toEqual({
      id: 'taught-127-0-0-1-8112',
      urlPattern: '^http://127\\.0\\.0\\.1:8112/',
      identifier: { from: 'selector', selector: '#patient-details dd.nhs' },
      birthDate: { selector: '#patient-details dd.dob' },
    });
    const save = options.getByRole('button', { name: 'Save rule' });
    expect(await save.isDisabled()).toBe(true);

    for (const next of [p02, p03]) {
      await epr.getByRole('link', { name: 'Next patient' }).click();
      await recordShown(epr, next.key);
      await options.getByRole('button', { name: 'Test this page' }).click();
      await options.locator(`tr[data-test-url="${EPR3}/record/${next.key}"][data-verdict="one"]`).waitFor();
      expect(await options.locator(`tr[data-test-url="${EPR3}/record/${next.key}"]`).textContent()).toContain(`Reads ${next.nhsNumber.replace(/(\d{3})(\d{3})(\d{4})/, '$1 $2 $3')}`);
    }
    // The patient list shows no patient: flagged, and not a reason to refuse the rule.
    await epr.getByRole('link', { name: 'Patient list' }).click();
    await epr.locator('table.patients').waitFor();
    await options.getByRole('button', { name: 'Test this page' }).click();
    await options.locator(`tr[data-test-url="${EPR3}/"][data-verdict="none"]`).waitFor();

    await save.click();
    await options.locator('[data-saved]').waitFor();
    await options.locator('tr[data-rule="taught-127-0-0-1-8112"][data-origin="user"]').waitFor();
    expect(await axeViolations(options)).toEqual([]);

    const snippet = JSON.parse(await options.locator('textarea[name="contextRulesSnippet"]').inputValue()) as unknown;
    expect(snippet).toEqual({ contextRules: [rule] });
    pack = JSON.parse(await options.locator('textarea[name="rulePack"]').inputValue()) as typeof pack;
    expect(pack).toEqual({ name: 'Harbour Care Record', version: '1.0.0', testedOn: { product: 'Harbour Care Record', version: '4.2.1' }, rules: [rule] });
    await browser.close();
  });

  // Writing Chromium's policy folder needs root, as on CI.
  it.skipIf(process.getuid?.() !== 0)('a fresh browser given the rule pack by managed policy follows patients on that EPR', async () => {
    expect(pack).toBeDefined();
    mkdirSync(POLICY_DIR, { recursive: true });
    const sources = [{ id: 'gp', name: 'GP', fhirBaseUrl: 'http://127.0.0.1:8101/fhir', clientId: 'fhirside' }];
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { dcmajbkhnbfbcghanpbaljfdcoiclegh: { sources, rulePacks: [pack] } } } }));
    const browser = await launch();
    opened.push(browser);
    const { epr, panel } = await openEprWithPanel(browser, `${EPR3}/record/${p01.key}`);
    try {
      await panel.locator(`.banner[data-patient="${patientKey(p01.nhsNumber)}"]`).waitFor({ timeout: 30_000 });
    } catch (error) {
      // Say what the extension had: the policy it was given and what each frame reported.
      const storage = await browser.background.evaluate(async () => {
        const { storage } = (globalThis as unknown as { chrome: { storage: Record<'managed' | 'session', { get(): Promise<unknown> }> } }).chrome;
        return JSON.stringify({ managed: await storage.managed.get(), session: await storage.session.get() });
      });
      throw new Error(`${(error as Error).message}\n${storage.slice(0, 3000)}\npanel: ${(await panel.locator('body').innerText()).slice(0, 800)}`);
    }
    await epr.getByRole('link', { name: 'Next patient' }).click();
    await panel.locator(`.banner[data-patient="${patientKey(p02.nhsNumber)}"]`).waitFor({ timeout: 30_000 });
    expect(await patientsShown(panel)).toEqual([patientKey(p02.nhsNumber)]);

    // IT's view on this computer: the tab read by the pack's rule in its frame; no teaching here.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const row = options.locator(`tr[data-diagnosis][data-url="${EPR3}/record/${p02.key}"][data-reason="patient"]`);
    await row.waitFor();
    expect(await row.textContent()).toMatch(/taught-127-0-0-1-8112.*Frame http:\/\/127\.0\.0\.1:8112\/frame\/p02: Read 999 015 8398, born 1955-09-02.*Patient 999 015 8398/);
    expect(await options.locator('[data-locked="ruleBuilder"]').count()).toBe(1);
  });
});
