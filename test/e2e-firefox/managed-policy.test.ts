/**
 * Enterprise policy in Firefox ESR, installed as docs/deploy.md tells IT: `policies.json` in the
 * installation's `distribution/` folder, the configuration under `3rdparty.Extensions.<add-on id>`,
 * which Firefox hands the extension as `storage.managed`. The panel uses exactly the policy's sources
 * and the options page shows them as set by the organisation.
 */
import { existsSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_ADDON_ID, openExtensionPage, type FirefoxWithExtension } from '../../scripts/extension-firefox';
import { FIRST_DEMO_PATIENT } from '../../sandbox/data/roster';
import { EPR1, patientKey } from '../e2e/support';
import { launchFirefox, openEprWithFirefoxPanel } from './support';

const firefoxPath = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';
// The installation folder is where the binary really lives (/usr/bin/firefox-esr is a link on Debian).
const POLICY_FILE = join(dirname(realpathSync(firefoxPath)), 'distribution', 'policies.json');

const sandboxSource = (id: string, name: string, port: number) => ({ id, name, fhirBaseUrl: `http://127.0.0.1:${port}/fhir`, clientId: 'fhirside' });
const POLICIES = {
  policies: {
    '3rdparty': {
      Extensions: {
        [FIREFOX_ADDON_ID]: {
          sources: [sandboxSource('gp', 'Policy GP (managed)', 8101), sandboxSource('acute', 'Policy Acute (managed)', 8102)],
          contextRules: [{ id: 'policy-riverside', urlPattern: '^http://127\\.0\\.0\\.1:8110/', identifier: { from: 'selector', selector: '#patient-banner .nhs-number' } }],
          userMayAddSources: false,
        },
      },
    },
  },
};

// Writing the installation folder needs root, as on CI; an existing policies.json (a real deployment) is never touched.
const canWrite = process.getuid?.() === 0 && !existsSync(POLICY_FILE);

describe.runIf(canWrite)('managed policy in Firefox ESR (policies.json in distribution/)', () => {
  let firefox: FirefoxWithExtension;
  beforeAll(async () => {
    writeFileSync(POLICY_FILE, JSON.stringify(POLICIES, null, 2));
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    rmSync(POLICY_FILE, { force: true });
  });

  it('configures the sources from policy, shown as set by the organisation', async () => {
    const { panel } = await openEprWithFirefoxPanel(firefox, `${EPR1}/patient/${FIRST_DEMO_PATIENT.key}`);
    await panel.waitForSelector(`.banner[data-patient="${patientKey(FIRST_DEMO_PATIENT.nhsNumber)}"]`);
    await panel.waitForSelector('.source-name');
    expect(await panel.$$eval('.source-name', (names) => names.map((n) => n.textContent))).toEqual(['Policy GP (managed)', 'Policy Acute (managed)']);

    const options = await openExtensionPage(firefox, 'options.html');
    await options.waitForSelector('tr[data-source="gp"] .origin');
    expect(await options.$eval('tr[data-source="gp"] .origin', (cell) => cell.textContent)).toBe('Set by your organisation');
    expect(await options.$$eval('tr[data-source]', (rows) => rows.map((r) => r.getAttribute('data-source')))).toEqual(['gp', 'acute']);
  });
});
