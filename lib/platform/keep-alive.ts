/**
 * Keeps the MV3 service worker around while it holds a FHIRcast subscription. WebSocket traffic
 * (the hub's heartbeats and our acknowledgements) keeps it alive in Chrome 116+; the alarm is the
 * fallback that wakes it if it was stopped anyway, so the subscription is made again.
 */
import { browser } from 'wxt/browser';

const ALARM = 'fhircast-keep-alive';

/** Starts or stops the wake-up alarm. */
export async function keepAlive(active: boolean): Promise<void> {
  if (active) await browser.alarms.create(ALARM, { periodInMinutes: 0.5 });
  else await browser.alarms.clear(ALARM);
}

/** Calls back on each wake-up. */
export function onKeepAlive(callback: () => void): void {
  browser.alarms.onAlarm.addListener((alarm) => alarm.name === ALARM && callback());
}
