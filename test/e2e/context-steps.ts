/** Steps shared by the patient-context end-to-end tests: tabs, session state, the FHIRcast hub. */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/extension-browser';
import { FHIRCAST_TOPIC, NHS_NUMBER_SYSTEM, PORTS } from '../../sandbox/config';
import { patientsSeenSoFar, watchPatientsSeen } from './patients-seen';

/** The slice of the extension API these steps call inside the service worker. */
declare const chrome: {
  tabs: { update(id: number, props: object): Promise<unknown>; get(id: number): Promise<{ url?: string }> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
};

export const HUB = `http://127.0.0.1:${PORTS.fhircast}/api/hub`;

/** Brings a tab to the front of its window, as a clinician clicking it would. */
export async function activateTab(browser: ExtensionBrowser, tabId: number): Promise<void> {
  await browser.background.evaluate((id: number) => chrome.tabs.update(id, { active: true }).then(() => undefined), tabId);
}

/** A value in the extension's session storage (what the background has decided). */
export function sessionValue(browser: ExtensionBrowser, key: string): Promise<unknown> {
  return browser.background.evaluate(async (k: string) => (await chrome.storage.session.get(k))[k], key);
}

/**
 * Publishes a context change to the sandbox hub, as an EPR elsewhere on the desktop would.
 * @param nhsNumber - the patient, for patient-open and patient-close
 */
export async function publish(event: 'patient-open' | 'patient-close', nhsNumber: string): Promise<void> {
  const resource = { resourceType: 'Patient', identifier: [{ system: NHS_NUMBER_SYSTEM, value: nhsNumber }] };
  const response = await fetch(HUB, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ timestamp: new Date().toISOString(), id: `test-${Date.now()}-${Math.random()}`, event: { 'hub.topic': FHIRCAST_TOPIC, 'hub.event': event, context: [{ key: 'patient', resource }] } }),
  });
  if (response.status !== 202) throw new Error(`the hub answered ${response.status}`);
}

/** Starts recording, in the panel page, every set of patients it shows (patients-seen.ts); returns the reader. */
export async function recordPatientsSeen(panel: Page): Promise<() => Promise<string[][]>> {
  await panel.evaluate(watchPatientsSeen);
  return () => panel.evaluate(patientsSeenSoFar);
}
