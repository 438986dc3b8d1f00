// Demo EPR 2 publishes the patient it shows to the FHIRcast hub, and offers a SMART EHR launch.
import { Window, type HTMLElement } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FHIRCAST_TOPIC, HOST } from '../../sandbox/config';
import { ROSTER } from '../../sandbox/data/roster';
import { startEprSite, type EprSite } from '../../sandbox/epr/server';
import { startFhircastHub, type FhircastHubServer } from '../../sandbox/fhircast/server';

let hub: FhircastHubServer;
let site: EprSite;
beforeAll(async () => {
  hub = await startFhircastHub({ host: HOST, port: 0 });
  site = await startEprSite({
    variant: 2, host: HOST, port: 0, patients: ROSTER,
    integration: {
      fhircast: { hubUrl: hub.url, topic: FHIRCAST_TOPIC },
      launch: { authUrl: 'http://127.0.0.1:1', appLaunchUrl: 'chrome-extension://abc/launch.html', fhirBaseUrls: { acute: 'http://127.0.0.1:8102/fhir', gp: 'http://127.0.0.1:8101/fhir' } },
    },
  });
});
afterAll(async () => {
  await site.close();
  await hub.close();
});

async function subscribe(): Promise<Record<string, unknown>[]> {
  const response = await fetch(hub.url, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ 'hub.channel.type': 'websocket', 'hub.mode': 'subscribe', 'hub.topic': FHIRCAST_TOPIC, 'hub.events': 'patient-open,patient-close' }).toString(),
  });
  const socket = new WebSocket(((await response.json()) as Record<string, string>)['hub.channel.endpoint']!);
  const received: Record<string, unknown>[] = [];
  socket.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
  await expect.poll(() => received.length).toBe(1);
  return received;
}

async function openApp(path: string): Promise<Window> {
  const html = await (await fetch(site.url + path)).text();
  const window = new Window({
    url: site.url + path,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true, disableJavaScriptFileLoading: true },
  });
  window.document.write(html.replace(/<script src="\/(app|integration)\.js"><\/script>/g, ''));
  window.eval(await (await fetch(`${site.url}/integration.js`)).text());
  window.eval(await (await fetch(`${site.url}/app.js`)).text());
  return window;
}

describe('Northfield ClinicalWorks and the FHIRcast hub', () => {
  it('lets its script reach the hub (CSP) and publishes patient-open and patient-close as the clinician moves', async () => {
    const shell = await fetch(`${site.url}/app`);
    expect(shell.headers.get('content-security-policy')).toContain(`connect-src 'self' ${new URL(hub.url).origin} http://127.0.0.1:1`);
    const received = await subscribe();
    const window = await openApp('/app/patient/9990237581');
    await expect.poll(() => received.map((m) => (m['event'] as Record<string, string> | undefined)?.['hub.event'])).toEqual([undefined, 'patient-open']);
    const opened = received[1]!['event'] as { context: { resource: { identifier: { value: string }[]; id: string } }[] };
    expect(opened.context[0]!.resource.identifier[0]!.value).toBe('9990237581');
    expect(opened.context[0]!.resource.id).toBe('p03-acute');

    window.document.querySelector<HTMLElement>('.close-patient')!.click();
    await expect.poll(() => received.length).toBe(3);
    expect(received[2]).toMatchObject({ event: { 'hub.event': 'patient-close' } });
    await window.happyDOM.close();
  });

  it('offers "Launch fhirside" for a patient the hospital\'s FHIR server knows', async () => {
    const window = await openApp('/app/patient/9990712727');
    // p08 is known to the GP practice only: the launch names the patient there.
    const island = JSON.parse(window.document.getElementById('cw-patients')!.textContent!) as { launch?: { iss: string; patient: string } }[];
    expect(island.find((p) => p.launch?.patient === 'p08-gp')?.launch?.iss).toBe('http://127.0.0.1:8101/fhir');
    expect(window.document.querySelector('.launch-app')?.textContent).toBe('Launch fhirside');
    await window.happyDOM.close();
  });
});
