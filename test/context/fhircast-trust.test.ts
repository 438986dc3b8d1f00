// What the FHIRcast subscriber trusts of a hub: a hub (or whatever answers at its URL) that forges
// another session's event, offers plain ws:// across the network, or is subscribed to without
// the clinician's token. The hub's HTTP and socket are faked: this is the network boundary.
import { afterEach, describe, expect, it } from 'vitest';
import { startFhircastClient, type FhircastStatus, type HubPatientEvent, type SocketLike } from '@/lib/context/fhircast-client';
import { backoff } from '@/lib/context/backoff';
import { hubUrlAllowed, socketEndpointAllowed } from '@/lib/context/fhircast-trust';

const TOPIC = 'clinician-1';
const patient = { resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9990237581' }] };
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

/** A fake hub: answers subscriptions with `endpoint`, records requests, and hands out the socket. */
function fakeHub(endpoint: string, accessToken?: () => Promise<string | undefined>) {
  const requests: { headers: Record<string, string> }[] = [];
  const sent: string[] = [];
  const events: HubPatientEvent[] = [];
  const statuses: { status: FhircastStatus; detail?: string }[] = [];
  const opened: string[] = [];
  let socket: SocketLike | undefined;
  const started = startFhircastClient({
    hubUrl: 'https://hub.trust.example/api/hub',
    topic: TOPIC,
    fetch: async (_input, init) => {
      requests.push({ headers: (init?.headers ?? {}) as Record<string, string> });
      return new Response(JSON.stringify({ 'hub.channel.endpoint': endpoint }), { status: 202 });
    },
    openSocket: (url) => {
      opened.push(url);
      socket = { onmessage: null, onclose: null, onerror: null, send: (data) => void sent.push(data), close: () => {} };
      return socket;
    },
    onPatient: (event) => (events.push(event), true),
    onStatus: (status, detail) => statuses.push({ status, ...(detail !== undefined && { detail }) }),
    backoff: backoff(10_000, 10_000),
    ...(accessToken && { accessToken }),
  });
  stop = started.stop;
  const deliver = (message: object) => socket?.onmessage?.({ data: JSON.stringify(message) });
  return { requests, sent, events, statuses, opened, deliver };
}

const event = (id: string, topic: string) => ({ timestamp: new Date().toISOString(), id, event: { 'hub.topic': topic, 'hub.event': 'patient-open', context: [{ key: 'patient', resource: patient }] } });

describe('FHIRcast: what fhirside trusts of a hub', () => {
  it('follows no event for a topic it did not subscribe to', async () => {
    const hub = fakeHub('wss://hub.trust.example/ws/1');
    await expect.poll(() => hub.opened).toHaveLength(1);
    hub.deliver({ 'hub.mode': 'subscribe', 'hub.topic': TOPIC, 'hub.lease_seconds': 3600 });
    hub.deliver(event('forged', 'someone-else'));
    hub.deliver(event('mine', TOPIC));
    expect(hub.events).toEqual([{ kind: 'open', resource: patient }]);
    expect(hub.sent.map((s) => JSON.parse(s) as unknown)).toEqual([{ id: 'forged', status: 409 }, { id: 'mine', status: 200 }]);
  });

  it('opens no unencrypted ws:// connection across the network', async () => {
    const hub = fakeHub('ws://hub.trust.example/ws/1');
    await expect.poll(() => hub.statuses.at(-1)?.status).toBe('retrying');
    expect(hub.opened).toEqual([]);
    expect(hub.statuses.at(-1)?.detail).toMatch(/wss:\/\//);
  });

  it('sends the clinician\'s SMART access token with the subscription', async () => {
    const hub = fakeHub('wss://hub.trust.example/ws/1', async () => 'token-abc');
    await expect.poll(() => hub.requests).toHaveLength(1);
    expect(hub.requests[0]?.headers['Authorization']).toBe('Bearer token-abc');
  });

  it('subscribes with no token when signed out: it waits, and says why', async () => {
    const hub = fakeHub('wss://hub.trust.example/ws/1', async () => undefined);
    await expect.poll(() => hub.statuses.at(-1)?.status).toBe('retrying');
    expect(hub.requests).toEqual([]);
    expect(hub.statuses.at(-1)?.detail).toMatch(/sign in/);
  });

  it('holds hub URLs to https and sockets to wss, plain only on this computer', () => {
    expect(hubUrlAllowed('https://hub.trust.example/api/hub')).toBe(true);
    expect(hubUrlAllowed('http://hub.trust.example/api/hub')).toBe(false);
    expect(hubUrlAllowed('http://127.0.0.1:8120/api/hub')).toBe(true);
    expect(socketEndpointAllowed('wss://hub.trust.example/ws/1')).toBe(true);
    expect(socketEndpointAllowed('ws://hub.trust.example/ws/1')).toBe(false);
    expect(socketEndpointAllowed('ws://localhost:8120/ws/1')).toBe(true);
  });
});
