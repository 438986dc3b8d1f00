/**
 * Enterprise policy in a real browser: a 3rdparty policy file in Chromium's managed policy folder
 * (as IT would deploy it) configures the sources and context rules; the panel uses exactly those,
 * and the options page shows them as set by the organisation and read-only.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser';
import { FIRST_DEMO_PATIENT } from '../../sandbox/data/roster';
import { EPR1, launch, openEprWithPanel, patientKey, patientsShown } from './support';

const EXTENSION_ID = 'dcmajbkhnbfbcghanpbaljfdcoiclegh';
const POLICY_DIR = '/etc/chromium/policies/managed';
// Other end-to-end files share this folder: this one file is ours, and only while this test runs.
const POLICY_FILE = `${POLICY_DIR}/fhirside-e2e-managed-policy.json`;

const sandboxSource = (id: string, name: string, port: number) => ({ id, name, fhirBaseUrl: `http://127.0.0.1:${port}/fhir`, clientId: 'fhirside' });
const policy = {
  // Two of the three sandbox sources, under names the built-in configuration never uses.
  sources: [sandboxSource('gp', 'Policy GP (managed)', 8101), sandboxSource('acute', 'Policy Acute (managed)', 8102)],
  contextRules: [
    {
      id: 'policy-riverside',
      urlPattern: '^http://127\\.0\\.0\\.1:8110/',
      identifier: { from: 'selector', selector: '#patient-banner .nhs-number' },
      birthDate: { selector: '#patient-banner .dob', attribute: 'data-dob' },
    },
  ],
  defaultLens: 'general',
  cache: { maxAgeMinutes: 60 },
  userMayAddSources: false,
};

// Writing Chromium's policy folder needs root, as on CI; elsewhere this file cannot run.
const isRoot = process.getuid?.() === 0;
const patient = FIRST_DEMO_PATIENT;

describe.skipIf(!isRoot)('configured by managed policy', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }));
    browser = await launch();
  });
  afterAll(async () => {
    rmSync(POLICY_FILE, { force: true });
    await browser?.close();
  });

  it('runs the panel on the policy\'s sources and rules only', async () => {
    expect(browser.extensionId).toBe(EXTENSION_ID);
    const { panel } = await openEprWithPanel(browser, `${EPR1}/patient/${patient.key}`);
    await panel.locator(`.banner[data-patient="${patientKey(patient.nhsNumber)}"]`).waitFor({ timeout: 30_000 });
    await panel.locator('.source[data-source="acute"]').waitFor();
    expect(await panel.locator('.source').evaluateAll((items) => items.map((li) => li.getAttribute('data-source')))).toEqual(['gp', 'acute']);
    expect(await panel.locator('.source-name').allTextContents()).toEqual(['Policy GP (managed)', 'Policy Acute (managed)']);

    const signInWindow = browser.context.waitForEvent('page');
    await panel.getByRole('button', { name: /^Sign in to/ }).click();
    await (await signInWindow).getByRole('button', { name: 'Sign in', exact: true }).click();
    await panel.locator('.source[data-source="gp"][data-state="done"]').waitFor({ timeout: 30_000 });
    await panel.locator('.source[data-source="acute"][data-state="done"]').waitFor({ timeout: 30_000 });
    expect(await panel.locator('[data-source="mh"]').count()).toBe(0);
    expect(await patientsShown(panel)).toEqual([patientKey(patient.nhsNumber)]);
  });

  it('shows the policy\'s values on the options page as set by the organisation and read-only', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    await options.locator('tr[data-source="gp"]').waitFor();
    expect(await options.locator('[data-managed]').textContent()).toMatch(/set by your organisation/i);

    const sourceRows = options.locator('tr[data-source]');
    expect(await sourceRows.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-source'), r.getAttribute('data-origin')]))).toEqual([
      ['gp', 'managed'],
      ['acute', 'managed'],
    ]);
    expect(await options.locator('tr[data-source="gp"] .origin').textContent()).toBe('Set by your organisation');
    expect(await options.locator('tr[data-rule]').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-rule'), r.getAttribute('data-origin')]))).toEqual([
      ['policy-riverside', 'managed'],
    ]);
    // Read-only: nothing to remove, no form to add a source, the managed settings cannot be edited.
    expect(await options.getByRole('button', { name: 'Remove' }).count()).toBe(0);
    expect(await options.getByRole('form', { name: 'Add a source' }).count()).toBe(0);
    expect(await options.locator('[data-locked="sources"]').textContent()).toBe('Your organisation manages the list of sources.');
    expect(await options.locator('[name="defaultLens"]').isDisabled()).toBe(true);
    expect(await options.locator('[name="maxAgeMinutes"]').isDisabled()).toBe(true);
    expect(await options.locator('[name="maxAgeMinutes"]').inputValue()).toBe('60');
    // A value the policy leaves open stays the clinician's to change.
    expect(await options.locator('[name="maxPatients"]').isDisabled()).toBe(false);

    // Test connection runs discovery and metadata against the managed source.
    await options.locator('tr[data-source="acute"]').getByRole('button', { name: 'Test connection' }).click();
    await options.locator('tr[data-source="acute"] [data-step="sign-in"]').waitFor({ timeout: 30_000 });
    expect(await options.locator('tr[data-source="acute"] [data-step]').evaluateAll((steps) => steps.map((s) => [s.getAttribute('data-step'), s.getAttribute('data-ok')]))).toEqual([
      ['discovery', 'true'],
      ['metadata', 'true'],
      ['sign-in', 'true'],
    ]);
  });
});
