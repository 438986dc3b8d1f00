/**
 * Someone else's data in the panel: the public IPS "all sections" example (hl7.fhir.uv.ips@2.0.0)
 * loaded into the sandbox GP source as its Bundle is written — only an NHS number attached to its
 * Patient, as the README asks of any Bundle loaded — and opened in the demo EPR that reads the
 * NHS number from its URL. The panel must show its do-not-resuscitate decision with the alerts,
 * its hip prosthesis, its penicillin allergy, and its results with the horizon stated, and
 * "Show older" must fetch the results the horizon left on the server.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInFromPanel, type ExtensionBrowser } from '../../scripts/extension-browser';
import { NHS_NUMBER_SYSTEM } from '../../sandbox/config';
import { readExample } from '../corpus/examples';
import { axeViolations } from './axe';
import { publish } from './context-steps';
import { collectPageErrors, EPR2, launch, openEprWithPanel, patientKey, patientsShown } from './support';

const ADMIN = 'http://127.0.0.1:8199';
/** A valid test-range NHS number no sandbox patient has. */
const NHS = '9990001006';

/** The IPS example with an NHS number on its Patient: the one thing the sandbox needs to find her. */
function ipsWithNhsNumber(): unknown {
  const bundle = readExample('hl7.fhir.uv.ips', 'example/Bundle-bundle-ips-all-sections.json') as unknown as { entry: { resource: { resourceType: string; identifier?: unknown[] } }[] };
  const patient = bundle.entry.find((e) => e.resource.resourceType === 'Patient')!.resource;
  patient.identifier = [...(patient.identifier ?? []), { system: NHS_NUMBER_SYSTEM, value: NHS }];
  return bundle;
}

describe('an IPS example Bundle loaded into a sandbox source', () => {
  let browser: ExtensionBrowser;
  let panel: Page;
  let errors: string[];
  const section = (id: string) => panel.locator(`section[data-section="${id}"]`);

  beforeAll(async () => {
    // The demo EPR does not publish a loaded patient to the FHIRcast hub: a session patient left there
    // by an earlier file would rightly take precedence over the page, so the session starts empty.
    await publish('patient-close', NHS);
    const loaded = await fetch(`${ADMIN}/sources/gp/bundle`, { method: 'POST', body: JSON.stringify(ipsWithNhsNumber()) });
    expect(loaded.status).toBe(200);
    browser = await launch();
    ({ panel } = await openEprWithPanel(browser, `${EPR2}/app/patient/${NHS}`));
    errors = collectPageErrors(panel);
    await panel.setViewportSize({ width: 440, height: 1100 });
    await signInFromPanel(browser, panel);
    await panel.locator('.banner-name', { hasText: 'JORDANA' }).waitFor({ timeout: 30_000 });
    await panel.locator('.freshness', { hasText: /^As of/ }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows its do-not-resuscitate decision on the first screen, straight after the alerts', async () => {
    const order = await panel.$$eval('section[data-section]', (all) => all.map((s) => s.getAttribute('data-section')));
    expect(order.indexOf('decisions')).toBe(order.indexOf('alerts') + 1);
    const decision = section('decisions').locator('li.row', { hasText: 'Not for resuscitation' });
    await expect(decision.getAttribute('data-source')).resolves.toBe('gp');
    expect(await decision.getAttribute('data-patient')).toBe(patientKey(NHS));
    expect(await decision.innerText()).toContain('Do Not Resuscitate');
  });

  it('shows its penicillin allergy and its implant by the Device it names', async () => {
    expect(await section('allergies').locator('li.row').allInnerTexts()).toEqual([expect.stringContaining('Penicillin')]);
    expect(await section('devices').locator('li.row', { hasText: 'Hip prosthesis' }).count()).toBe(1);
  });

  it('states the results horizon, and Show older fetches the results before it', async () => {
    const results = section('results');
    await expect(results.locator('.horizon').innerText()).resolves.toMatch(/^Results since \d{2}-[A-Z][a-z]{2}-\d{4} — Show older$/);
    const all = async () => {
      await results.getByRole('button', { name: /^Show \d+ more$/ }).click({ timeout: 2000 }).catch(() => undefined);
      return results.locator('li.row').allInnerTexts();
    };
    expect((await all()).join('\n')).toContain('Cholesterol');
    expect((await all()).join('\n')).not.toContain('Alcoholic drinks per day');
    await results.getByRole('button', { name: 'Show older' }).click();
    await results.locator('.horizon').waitFor({ state: 'detached', timeout: 60_000 });
    await panel.locator('.freshness', { hasText: /^As of/ }).waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await all()).join('\n'), { timeout: 30_000 }).toContain('Alcoholic drinks per day');
  });

  it('draws this patient only, without an accessibility violation or an error', async () => {
    expect(await patientsShown(panel)).toEqual([patientKey(NHS)]);
    expect(await axeViolations(panel)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
