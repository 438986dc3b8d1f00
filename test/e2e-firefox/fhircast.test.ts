/**
 * FHIRcast in Firefox ESR: the subscription connects to the loopback ws:// hub (no upgrade to wss://
 * by the extension pages' CSP), follows the session, and survives Firefox stopping the idle
 * background (shortened here from 30 s to 2 s) without the panel ever dropping the patient, catching
 * up on what the session opened while it was stopped through the hub's current context.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExtensionPage, signInFromFirefoxPanel, type FirefoxWithExtension } from '../../scripts/extension-firefox';
import { ROSTER } from '../../sandbox/data/roster';
import { HUB, publish } from '../e2e/context-steps';
import { EPR2, patientKey } from '../e2e/support';
import { launchFirefox, openEprWithFirefoxPanel, recordBanners, sessionValueIn } from './support';

const byKey = (key: string) => ROSTER.find((p) => p.key === key)!;
const first = byKey('p05');
const whileAway = byKey('p13');

interface Status {
  readonly status: string;
  readonly hubUrl: string;
  readonly at: number;
}

describe('FHIRcast in Firefox ESR', () => {
  let firefox: FirefoxWithExtension;
  beforeAll(async () => {
    await publish('patient-close', first.nhsNumber);
    firefox = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': 2000 } });
  });
  afterAll(async () => {
    await firefox?.close();
    await publish('patient-close', whileAway.nhsNumber);
  });

  it('subscribes over ws://, follows the session, and keeps the patient through background restarts', async () => {
    // The hub takes only a subscriber signed in to its source (the demo hub's is the mental-health trust).
    const signing = await openEprWithFirefoxPanel(firefox, `${EPR2}/app/patient/${first.nhsNumber}`);
    await signInFromFirefoxPanel(firefox, signing.panel);
    await signing.panel.close();
    await signing.epr.close();
    const options = await openExtensionPage(firefox, 'options.html');
    const status = () => sessionValueIn(options, 'fhircast:status') as Promise<Status | undefined>;
    await expect.poll(status, { timeout: 20_000 }).toMatchObject({ status: 'subscribed', hubUrl: HUB });

    const { panel } = await openEprWithFirefoxPanel(firefox, `${EPR2}/app`);
    await publish('patient-open', first.nhsNumber);
    await panel.waitForSelector(`.banner[data-patient="${patientKey(first.nhsNumber)}"]`);
    const banners = await recordBanners(panel);
    const subscribedAt = (await status())!.at;

    // Firefox stops the idle background; it is woken and subscribes again.
    await expect.poll(async () => (await status())?.at ?? 0, { timeout: 60_000, interval: 500 }).toBeGreaterThan(subscribedAt);
    await expect.poll(async () => (await status())?.status, { timeout: 20_000 }).toBe('subscribed');
    expect(await banners()).toEqual([patientKey(first.nhsNumber)]);

    // The session opens another patient, maybe while the background is stopped: the panel follows.
    await publish('patient-open', whileAway.nhsNumber);
    await panel.waitForSelector(`.banner[data-patient="${patientKey(whileAway.nhsNumber)}"]`, { timeout: 60_000 });
    expect(await banners()).toEqual([patientKey(first.nhsNumber), patientKey(whileAway.nhsNumber)]);
  });
});
