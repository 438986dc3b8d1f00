/**
 * A FHIRcast subscriber over WebSocket: subscribes to patient-open/patient-close on the hub,
 * acknowledges every event, renews the subscription before its lease ends, notices a silent hub
 * (no heartbeat) and reconnects with backoff. While the connection is down the session's patient
 * is unknown, so the client says `lost` rather than let an old patient stand.
 */
import { backoff as makeBackoff } from './backoff';
import { fetchCurrentPatient } from './fhircast-current-context';
import { heartbeatPeriod, parseHubMessage, patientOf, subscriptionForm, type HubMessage } from './fhircast-messages';
import { sameTopic, socketEndpointAllowed } from './fhircast-trust';
import type { FhircastClientDeps, HubPatientEvent, SocketLike } from './fhircast-types';

export type { FhircastClientDeps, FhircastStatus, HubPatientEvent, SocketLike } from './fhircast-types';
import { timerSlots } from './timer-slots';

/** The Authorization header for the hub: the SMART access token, when the hub is tied to a sign-in. */
async function authorization(deps: FhircastClientDeps): Promise<Record<string, string>> {
  if (!deps.accessToken) return {};
  const token = await deps.accessToken();
  if (!token) throw new Error('sign in to follow the EPR\'s session');
  return { Authorization: `Bearer ${token}` };
}

/** Starts the subscription; returns `stop`, which unsubscribes and closes the socket. */
export function startFhircastClient(deps: FhircastClientDeps): { stop: () => Promise<void> } {
  const retry = deps.backoff ?? makeBackoff(1000, 60_000);
  const timers = timerSlots<'retry' | 'renew' | 'silence'>();
  const lease = deps.leaseSeconds ?? 3600;
  let silenceMs = deps.silenceMs ?? 35_000;
  let stopped = false;
  let socket: SocketLike | undefined;
  let endpoint: string | undefined;
  let lastEventAt = 0;
  // The caller may still show the patient from before a restart (Firefox stops an idle background):
  // it stands until the hub's current context replaces it or the hub cannot be reached.
  let mayHoldContext = true;
  let patientEvents = 0;

  const tell = (event: HubPatientEvent): boolean => {
    mayHoldContext = event.kind === 'open';
    return deps.onPatient(event);
  };

  const post = async (form: URLSearchParams): Promise<Response> => {
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded', ...(await authorization(deps)) };
    const response = await deps.fetch(deps.hubUrl, { method: 'POST', headers, body: form.toString() });
    if (response.status !== 202) throw new Error(`the hub answered ${response.status}`);
    return response;
  };

  const detach = () => {
    const old = socket;
    socket = undefined;
    endpoint = undefined;
    if (old) old.onclose = old.onmessage = old.onerror = null;
    return old;
  };

  const reconnect = (detail: string) => {
    timers.clearAll();
    const old = detach();
    old?.close();
    // A connection that existed, or a patient standing from before, may have missed a patient-close.
    if (old || mayHoldContext) tell({ kind: 'lost' });
    if (stopped) return;
    deps.onStatus?.('retrying', detail);
    timers.set('retry', retry.next(), () => void connect());
  };

  const onEvent = (message: Extract<HubMessage, { kind: 'event' }>) => {
    // Another session's event (a hub mixing up subscribers, a forged message) moves nothing.
    if (!sameTopic(message.topic, deps.topic)) return socket?.send(JSON.stringify({ id: message.id, status: 409 }));
    let followed = true;
    if (message.event === 'heartbeat') {
      const period = heartbeatPeriod(message.context);
      if (period) silenceMs = period * 3000;
    } else if ((message.event === 'patient-open' || message.event === 'patient-close') && message.timestamp >= lastEventAt) {
      // An event older than the one that set the current context is ignored, as FHIRcast requires.
      lastEventAt = message.timestamp;
      patientEvents += 1;
      followed = tell(message.event === 'patient-open' ? { kind: 'open', resource: patientOf(message.context) } : { kind: 'close' });
    }
    socket?.send(JSON.stringify({ id: message.id, status: followed ? 200 : 409 }));
  };

  const onMessage = (data: unknown) => {
    timers.set('silence', silenceMs, () => reconnect('the hub went silent'));
    const message = parseHubMessage(data);
    switch (message.kind) {
      case 'confirmation':
        retry.reset();
        deps.onStatus?.('subscribed');
        // Renew well before the lease ends: a lapsed subscription would miss the next patient-open.
        timers.set('renew', Math.max(250, message.leaseSeconds * 800), () => void renew());
        void syncCurrentContext();
        return;
      case 'denial':
        return reconnect(`the hub ended the subscription: ${message.reason}`);
      case 'event':
        return onEvent(message);
      case 'other':
        return;
    }
  };

  async function connect() {
    deps.onStatus?.('connecting');
    try {
      const url = ((await (await post(subscriptionForm('subscribe', deps.topic, lease))).json()) as Record<string, unknown>)['hub.channel.endpoint'];
      if (typeof url !== 'string' || !/^wss?:\/\//.test(url)) throw new Error('the hub gave no WebSocket endpoint');
      if (!socketEndpointAllowed(url)) throw new Error('the hub offered an unencrypted connection (ws://); fhirside needs wss://');
      if (stopped) return;
      const s = deps.openSocket(url);
      socket = s;
      endpoint = url;
      s.onmessage = (event) => onMessage(event.data);
      s.onclose = () => reconnect('the connection closed');
      s.onerror = () => reconnect('the connection failed');
      timers.set('silence', silenceMs, () => reconnect('the hub did not confirm'));
    } catch (error) {
      reconnect(error instanceof Error ? error.message : 'the hub could not be reached');
    }
  }

  /** Asks the hub what is open now; an event that arrives meanwhile is newer and wins. */
  async function syncCurrentContext() {
    const before = patientEvents;
    const current = await fetchCurrentPatient(deps.fetch, deps.hubUrl, deps.topic, await authorization(deps));
    if (stopped || patientEvents !== before) return;
    if (current) tell(current);
    else if (mayHoldContext) tell({ kind: 'lost' });
  }

  async function renew() {
    await post(subscriptionForm('subscribe', deps.topic, lease, endpoint)).catch((error: unknown) =>
      reconnect(error instanceof Error ? `renewal failed: ${error.message}` : 'renewal failed'),
    );
  }

  void connect();
  return {
    async stop() {
      stopped = true;
      timers.clearAll();
      const current = endpoint;
      detach()?.close(1000);
      deps.onStatus?.('stopped');
      if (current) await post(subscriptionForm('unsubscribe', deps.topic, 0, current)).catch(() => undefined);
    },
  };
}
