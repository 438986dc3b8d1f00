/**
 * Enterprise policy in a real browser: a 3rdparty policy file in Chromium's managed policy folder
 * (as IT would deploy it) configures the sources, context rules and access audit; the panel uses
 * exactly those, posts an AuditEvent per look-up, and the options page shows the policy's values
 * as set by the organisation and read-only.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser';
import { FIRST_DEMO_PATIENT } from '../../sandbox/data/roster';
import { EPR1, launch, openEprWithPanel, patientKey, patientsShown } from './support';

const EXTENSION_ID = 'dcmajbkhnbfbcghanpbaljfdcoiclegh';
const POLICY_DIR = '/etc/chromium/policies/managed';
// Other end-to-end files share this folder: this one file is ours, and only while this test runs.
const POLICY_FILE = `${POLICY_DIR}/fhirside-e2e-managed-policy.json`;

const DEMO_CLINICIAN = 'Practitioner/demo-clinician';

/** A trust's audit endpoint on loopback: keeps each AuditEvent posted to it (CORS open to the extension). */
function auditEndpoint(): Promise<{ server: Server; url: string; events: Record<string, unknown>[] }> {
  const events: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, accept');
    if (req.method !== 'POST') return void res.writeHead(204).end();
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      events.push({ ...(JSON.parse(body) as Record<string, unknown>), authorization: req.headers.authorization });
      res.writeHead(201).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, events, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir/AuditEvent` })));
}

const sandboxSource = (id: string, name: string, port: number) => ({ id, name, fhirBaseUrl: `http://127.0.0.1:${port}/fhir`, clientId: 'fhirside' });
const policyFor = (auditUrl: string) => ({
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
  // The audit endpoint is not the GP's server, so the GP's token must not go there: it has its own credential.
  audit: { endpoint: auditUrl, sourceId: 'gp', authorization: 'Bearer audit-endpoint-credential' },
});

// Writing Chromium's policy folder needs root, as on CI; elsewhere this file cannot run.
const isRoot = process.getuid?.() === 0;
const patient = FIRST_DEMO_PATIENT;

describe.skipIf(!isRoot)('configured by managed policy', () => {
  let browser: ExtensionBrowser;
  let audit: Awaited<ReturnType<typeof auditEndpoint>>;
  beforeAll(async () => {
    audit = await auditEndpoint();
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policyFor(audit.url) } } }));
    browser = await launch();
  });
  afterAll(async () => {
    rmSync(POLICY_FILE, { force: true });
    await browser?.close();
    audit?.server.close();
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

    // The look-up was audited: who (the signed-in fhirUser), which patient, which sources.
    await expect.poll(() => audit.events.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const event = audit.events.at(-1) as { resourceType: string; agent: { who: { reference?: string } }[]; entity: { what: { identifier: { value: string } } }[]; authorization?: string };
    expect(event.resourceType).toBe('AuditEvent');
    expect(event.agent[0]!.who.reference).toBe(DEMO_CLINICIAN);
    expect(event.entity.map((e) => e.what.identifier.value)).toEqual([patient.nhsNumber, 'http://127.0.0.1:8101/fhir', 'http://127.0.0.1:8102/fhir']);
    expect(event.authorization).toBe('Bearer audit-endpoint-credential');
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
