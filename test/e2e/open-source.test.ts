/**
 * A source configured without sign-in (`auth: "none"`, for open test servers) is read straight
 * away, while the SMART sources beside it still ask for sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser';
import { saveUserSettings } from '../../scripts/extension-settings';
import { PORTS } from '../../sandbox/config';
import { ROSTER } from '../../sandbox/data/roster';
import { EPR1, launch, openEprWithPanel, patientKey, patientsShown } from './support';

const ADMIN = `http://127.0.0.1:${PORTS.admin}`;
const patient = ROSTER.find((p) => p.key === 'p12')!;

describe('an open source beside SMART sources', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    expect((await fetch(`${ADMIN}/sources/mh/open`, { method: 'POST' })).status).toBe(200);
    browser = await launch();
  });
  afterAll(async () => {
    await fetch(`${ADMIN}/sources/mh/secure`, { method: 'POST' });
    await browser?.close();
  });

  it('shows the open source without sign-in and offers sign-in for the others', async () => {
    await saveUserSettings(browser, { sources: [{ id: 'mh', name: 'Northfield Mental Health Trust', fhirBaseUrl: `http://127.0.0.1:${PORTS.mh}/fhir`, auth: 'none' }] });
    const { panel } = await openEprWithPanel(browser, `${EPR1}/patient/${patient.key}`);
    await panel.locator('.source[data-source="mh"][data-state="done"]').waitFor({ timeout: 30_000 });
    await panel.locator('.source[data-source="gp"][data-state="needs-sign-in"]').waitFor();
    expect(await panel.locator('[data-source="mh"].row, li[data-source="mh"]').count()).toBeGreaterThan(0);
    expect(await patientsShown(panel)).toEqual([patientKey(patient.nhsNumber)]);
  });
});
