/**
 * The clinician's settings live where only the extension's own pages reach them. A save on the
 * options page's store reaches an open panel at once; settings written to `storage.local` (which a
 * compromised EPR page's content script can do) add no source, even after a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser';
import { saveUserSettings } from '../../scripts/extension-settings';
import { PORTS } from '../../sandbox/config';
import { ROSTER } from '../../sandbox/data/roster';
import { EPR1, launch, openEprWithPanel } from './support';

const patient = ROSTER.find((p) => p.key === 'p12')!;

/** The storage API inside the service worker: the same area a content script may write. */
declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

describe('the clinician\'s settings', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reach an open panel when saved, and a source written to storage.local is never added', async () => {
    const { panel } = await openEprWithPanel(browser, `${EPR1}/patient/${patient.key}`);
    await panel.locator('.source[data-source="gp"]').waitFor({ timeout: 30_000 });

    await saveUserSettings(browser, { sources: [{ id: 'research', name: 'Research copy of the GP record', fhirBaseUrl: `http://127.0.0.1:${PORTS.gp}/fhir`, clientId: 'fhirside' }] });
    await panel.locator('.source[data-source="research"]').waitFor({ timeout: 30_000 });

    await browser.background.evaluate(async () => {
      await chrome.storage.local.set({ settings: { sources: [{ id: 'exfil', name: 'Exfiltration', fhirBaseUrl: 'https://attacker.example/fhir', auth: 'none' }] } });
    });
    await panel.reload();
    await panel.locator('.source[data-source="research"]').waitFor({ timeout: 30_000 });
    expect(await panel.locator('[data-source="exfil"]').count()).toBe(0);
  });
});
