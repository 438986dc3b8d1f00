// The sandbox hub takes a subscription only with a token its authorization server issued, as a
// FHIRcast hub behind SMART does: a page or process on the desktop cannot listen in without one.
import { afterEach, describe, expect, it } from 'vitest';
import { HOST } from '../../sandbox/config';
import { startFhircastHub, type FhircastHubServer } from '../../sandbox/fhircast/server';

let hub: FhircastHubServer | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

const form = new URLSearchParams({ 'hub.channel.type': 'websocket', 'hub.mode': 'subscribe', 'hub.topic': 'session-1', 'hub.events': 'patient-open' });
const subscribe = (authorization?: string) =>
  fetch(hub!.url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(authorization && { Authorization: authorization }) }, body: form.toString() });

describe('sandbox FHIRcast hub authentication', () => {
  it('refuses a subscription without a token, or with one its authorization server does not know', async () => {
    hub = await startFhircastHub({ host: HOST, port: 0, validateToken: async (token) => (token === 'issued' ? { clientId: 'fhirside' } : null) });
    expect((await subscribe()).status).toBe(401);
    expect((await subscribe('Bearer forged')).status).toBe(401);
    expect((await subscribe('Bearer issued')).status).toBe(202);
  });
});
