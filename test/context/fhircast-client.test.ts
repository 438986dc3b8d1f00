// The FHIRcast subscriber against the sandbox hub (the network boundary): events followed and
// acknowledged, renewal before the lease ends, reconnection after the hub goes away.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startFhircastClient, type FhircastStatus, type HubPatientEvent, type SocketLike } from '@/lib/context/fhircast-client';
import { backoff } from '@/lib/context/backoff';
import { startFhircastHub, type FhircastHubServer } from '../../sandbox/fhircast/server';

const TOPIC = 'clinician-1';
let hub: FhircastHubServer | undefined;
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  await hub?.close();
  hub = stop = undefined;
});

const patient = (nhs: string) => ({ resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhs }] });
const publish = (id: string, event: string, nhs = '9990237581', at = new Date()) =>
  fetch(hub!.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ timestamp: at.toISOString(), id, event: { 'hub.topic': TOPIC, 'hub.event': event, context: [{ key: 'patient', resource: patient(nhs) }] } }),
  });

function client(options: { leaseSeconds?: number; follow?: boolean; url?: string } = {}) {
  const events: HubPatientEvent[] = [];
  const statuses: FhircastStatus[] = [];
  const started = startFhircastClient({
    hubUrl: options.url ?? hub!.url,
    topic: TOPIC,
    fetch: (input, init) => fetch(input, init),
    openSocket: (url) => new WebSocket(url) as unknown as SocketLike,
    onPatient: (event) => (events.push(event), options.follow ?? true),
    onStatus: (status) => statuses.push(status),
    leaseSeconds: options.leaseSeconds,
    backoff: backoff(100, 400),
  });
  stop = started.stop;
  return { events, statuses };
}

describe('FHIRcast subscriber', () => {
  it('follows patient-open and patient-close, and acknowledges each event', async () => {
    hub = await startFhircastHub({ host: '127.0.0.1', port: 0 });
    const { events, statuses } = client();
    await expect.poll(() => statuses.at(-1)).toBe('subscribed');
    await publish('open-1', 'Patient-open');
    await expect.poll(() => events).toContainEqual({ kind: 'open', resource: patient('9990237581') });
    await publish('close-1', 'patient-close');
    await expect.poll(() => events.at(-1)).toEqual({ kind: 'close' });
    await expect.poll(() => hub!.acknowledgements).toEqual([{ id: 'open-1', status: 200 }, { id: 'close-1', status: 200 }]);
  });

  it('ignores an event older than the one that set the context', async () => {
    hub = await startFhircastHub({ host: '127.0.0.1', port: 0 });
    const { events, statuses } = client();
    await expect.poll(() => statuses.at(-1)).toBe('subscribed');
    await publish('new', 'patient-open', '9990237581', new Date());
    await publish('old', 'patient-open', '9990950296', new Date(Date.now() - 60_000));
    await expect.poll(() => hub!.acknowledgements.length).toBe(2);
    expect(events.filter((e) => e.kind === 'open')).toHaveLength(1);
  });

  it('answers 409 to an event it does not follow', async () => {
    hub = await startFhircastHub({ host: '127.0.0.1', port: 0 });
    const { statuses } = client({ follow: false });
    await expect.poll(() => statuses.at(-1)).toBe('subscribed');
    await publish('refused', 'patient-open');
    await expect.poll(() => hub!.acknowledgements).toEqual([{ id: 'refused', status: 409 }]);
  });

  it('renews the subscription before its lease ends, so events keep coming', async () => {
    hub = await startFhircastHub({ host: '127.0.0.1', port: 0, maxLeaseSeconds: 1.5 });
    const { events, statuses } = client({ leaseSeconds: 1 });
    await expect.poll(() => statuses.at(-1)).toBe('subscribed');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(statuses).not.toContain('retrying');
    await publish('late', 'patient-open');
    await expect.poll(() => events.at(-1)).toMatchObject({ kind: 'open' });
  });

  it('says the patient is unknown when the hub goes away, and subscribes again when it is back', async () => {
    hub = await startFhircastHub({ host: '127.0.0.1', port: 0 });
    const port = hub.port;
    const { events, statuses } = client();
    await expect.poll(() => statuses.at(-1)).toBe('subscribed');
    await hub.close();
    await expect.poll(() => events.at(-1)).toEqual({ kind: 'lost' });
    await expect.poll(() => statuses).toContain('retrying');
    hub = await startFhircastHub({ host: '127.0.0.1', port });
    await publish('before-resubscribe', 'patient-open');
    // The new subscription is told the current context at once.
    await expect.poll(() => events.at(-1), { timeout: 5000 }).toMatchObject({ kind: 'open' });
    expect(statuses.at(-1)).toBe('subscribed');
  });
});

describe('FHIRcast subscriber and Get Current Context', () => {
  it('asks the hub for the current context on subscribing, so a hub that does not re-send it still sets the patient', async () => {
    hub = await startFhircastHub({ host: '127.0.0.1', port: 0, sendContextOnSubscribe: false });
    await publish('open-before-subscribe', 'patient-open', '9990950296');
    const { events, statuses } = client();
    await expect.poll(() => statuses.at(-1)).toBe('subscribed');
    await expect.poll(() => events).toEqual([{ kind: 'open', resource: patient('9990950296') }]);
  });

  it('says no patient when the hub holds none, replacing a patient kept from before a restart', async () => {
    hub = await startFhircastHub({ host: '127.0.0.1', port: 0, sendContextOnSubscribe: false });
    const { events } = client();
    await expect.poll(() => events).toEqual([{ kind: 'close' }]);
  });

  it('says the patient is unknown when the hub cannot tell its current context', async () => {
    hub = await startFhircastHub({ host: '127.0.0.1', port: 0, sendContextOnSubscribe: false });
    const hubUrl = hub.url;
    const events: HubPatientEvent[] = [];
    const started = startFhircastClient({
      hubUrl,
      topic: TOPIC,
      // A hub without the (optional) Get Current Context operation.
      fetch: (input, init) => (init?.method === 'POST' ? fetch(input, init) : Promise.resolve(new Response('not found', { status: 404 }))),
      openSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      onPatient: (event) => (events.push(event), true),
    });
    stop = started.stop;
    await expect.poll(() => events).toEqual([{ kind: 'lost' }]);
  });
});
