// The sandbox FHIRcast hub, spoken to as FHIRcast STU3 says: form-post subscription, WebSocket
// confirmation, events fanned out to the topic's subscribers, current context, leases, heartbeats.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { HOST } from '../../sandbox/config';
import { startFhircastHub, type FhircastHubServer } from '../../sandbox/fhircast/server';

let hub: FhircastHubServer | undefined;
const sockets: WebSocket[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.terminate());
  await hub?.close();
  hub = undefined;
});

const TOPIC = 'session-1';
const patient = { resourceType: 'Patient', id: 'p03-acute', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9990237581' }] };
const openEvent = (id: string, event = 'patient-open', topic = TOPIC) => ({
  timestamp: new Date().toISOString(), id, event: { 'hub.topic': topic, 'hub.event': event, context: [{ key: 'patient', resource: patient }] },
});

function post(body: URLSearchParams | object): Promise<Response> {
  const form = body instanceof URLSearchParams;
  return fetch(hub!.url, { method: 'POST', headers: { 'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json' }, body: form ? body.toString() : JSON.stringify(body) });
}

const subscribeForm = (extra: Record<string, string> = {}) =>
  new URLSearchParams({ 'hub.channel.type': 'websocket', 'hub.mode': 'subscribe', 'hub.topic': TOPIC, 'hub.events': 'Patient-open,patient-close', ...extra });

/** Subscribes and connects; resolves with the socket and a queue of the messages it receives. */
async function subscriber(extra: Record<string, string> = {}) {
  const response = await post(subscribeForm(extra));
  expect(response.status).toBe(202);
  const endpoint = ((await response.json()) as Record<string, string>)['hub.channel.endpoint']!;
  const socket = new WebSocket(endpoint);
  sockets.push(socket);
  const received: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    received.push(JSON.parse(String(data)) as Record<string, unknown>);
    waiters.splice(0).forEach((w) => w());
  });
  const next = async (): Promise<Record<string, unknown>> => {
    while (received.length === 0) await new Promise<void>((resolve) => waiters.push(resolve));
    return received.shift()!;
  };
  return { socket, endpoint, next };
}

describe('sandbox FHIRcast hub', () => {
  it('confirms a WebSocket subscription and sends the topic\'s events to it', async () => {
    hub = await startFhircastHub({ host: HOST, port: 0 });
    const { socket, endpoint, next } = await subscriber();
    expect(endpoint).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/ws\/[\w-]{20,}$/);
    expect(await next()).toEqual({ 'hub.mode': 'subscribe', 'hub.topic': TOPIC, 'hub.events': 'patient-open,patient-close', 'hub.lease_seconds': 3600 });

    expect((await post(openEvent('e1', 'Patient-open', 'another-topic'))).status).toBe(202);
    expect((await post(openEvent('e2'))).status).toBe(202);
    const event = await next();
    expect(event).toMatchObject({ id: 'e2', event: { 'hub.topic': TOPIC, 'hub.event': 'patient-open', context: [{ key: 'patient', resource: patient }] } });

    socket.send(JSON.stringify({ id: 'e2', status: 200 }));
    await expect.poll(() => hub!.acknowledgements).toContainEqual({ id: 'e2', status: 200 });
  });

  it('tells a new subscriber the current context, and answers GET <hub>/<topic>', async () => {
    hub = await startFhircastHub({ host: HOST, port: 0 });
    await post(openEvent('open-1'));
    const { next } = await subscriber();
    expect((await next())['hub.mode']).toBe('subscribe');
    expect(await next()).toMatchObject({ id: 'open-1' });
    expect(await (await fetch(`${hub.url}/${TOPIC}`)).json()).toMatchObject({ 'context.type': 'Patient', 'context.versionId': 'open-1' });

    await post(openEvent('close-1', 'patient-close'));
    expect(await (await fetch(`${hub.url}/${TOPIC}`)).json()).toMatchObject({ 'context.type': '', context: [] });
  });

  it('ends a subscription whose lease runs out, and renews one asked again for the same endpoint', async () => {
    hub = await startFhircastHub({ host: HOST, port: 0, maxLeaseSeconds: 1 });
    const first = await subscriber({ 'hub.lease_seconds': '7200' });
    expect(await first.next()).toMatchObject({ 'hub.lease_seconds': 1 });
    expect(await first.next()).toMatchObject({ 'hub.mode': 'denied', 'hub.reason': 'lease expired' });

    const second = await subscriber();
    await second.next();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await post(subscribeForm({ 'hub.channel.endpoint': second.endpoint }))).status).toBe(202);
    expect(await second.next()).toMatchObject({ 'hub.mode': 'subscribe' });
    await new Promise((resolve) => setTimeout(resolve, 600));
    // 1.2 s after subscribing, still alive because it was renewed at 0.6 s.
    await post(openEvent('after-renewal'));
    expect(await second.next()).toMatchObject({ id: 'after-renewal' });
  });

  it('sends heartbeats with their period', async () => {
    hub = await startFhircastHub({ host: HOST, port: 0, heartbeatSeconds: 0.2 });
    const { next } = await subscriber();
    await next();
    expect(await next()).toMatchObject({ event: { 'hub.event': 'heartbeat', context: [{ key: 'period', decimal: '0.2' }] } });
  });

  it('refuses malformed requests with a reason, and unknown endpoints', async () => {
    hub = await startFhircastHub({ host: HOST, port: 0 });
    const noChannel = await post(new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.topic': TOPIC, 'hub.events': 'patient-open' }));
    expect(noChannel.status).toBe(400);
    expect(await noChannel.text()).toMatch(/hub\.channel\.type/);
    expect((await post(subscribeForm({ 'hub.events': '' }))).status).toBe(400);
    expect((await post({ id: 'x', event: {} })).status).toBe(400);
    const stray = new WebSocket(hub.url.replace('http', 'ws').replace('/api/hub', '/ws/made-up'));
    sockets.push(stray);
    const code = await new Promise((resolve) => stray.on('close', resolve));
    expect(code).toBe(1008);
  });

  it('lets the demo EPR page publish (CORS for loopback origins only)', async () => {
    hub = await startFhircastHub({ host: HOST, port: 0 });
    const preflight = await fetch(hub.url, { method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1:8111', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8111');
    const foreign = await fetch(hub.url, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
