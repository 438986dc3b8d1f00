/**
 * FHIRcast (STU3) over WebSocket, the subscriber's side of the wire: the subscription request,
 * and what the hub sends on the socket (confirmation, denial, event notification).
 */

/** What fhirside listens for. Event names are case-insensitive in FHIRcast. */
export const FHIRCAST_EVENTS = ['patient-open', 'patient-close'] as const;

export type HubMessage =
  | { readonly kind: 'confirmation'; readonly leaseSeconds: number }
  | { readonly kind: 'denial'; readonly reason: string }
  | { readonly kind: 'event'; readonly id: string; readonly timestamp: number; readonly event: string; readonly topic: string; readonly context: readonly unknown[] }
  | { readonly kind: 'other' };

/**
 * The form body of a subscribe (or unsubscribe) request to the hub URL.
 * @param endpoint - an existing WebSocket endpoint: renews that subscription instead of making a new one
 */
export function subscriptionForm(mode: 'subscribe' | 'unsubscribe', topic: string, leaseSeconds: number, endpoint?: string): URLSearchParams {
  const form = new URLSearchParams({ 'hub.channel.type': 'websocket', 'hub.mode': mode, 'hub.topic': topic });
  if (mode === 'subscribe') {
    form.set('hub.events', FHIRCAST_EVENTS.join(','));
    form.set('hub.lease_seconds', String(leaseSeconds));
  }
  if (endpoint) form.set('hub.channel.endpoint', endpoint);
  return form;
}

const record = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** Reads one WebSocket message from the hub; anything unexpected is `other`, never an error. */
export function parseHubMessage(data: unknown): HubMessage {
  let message: Record<string, unknown> | undefined;
  try {
    message = typeof data === 'string' && data.length < 1_000_000 ? record(JSON.parse(data)) : undefined;
  } catch {
    return { kind: 'other' };
  }
  if (!message) return { kind: 'other' };
  const mode = message['hub.mode'];
  if (mode === 'subscribe') {
    const lease = Number(message['hub.lease_seconds']);
    return { kind: 'confirmation', leaseSeconds: Number.isFinite(lease) && lease > 0 ? lease : 3600 };
  }
  if (mode === 'denied') return { kind: 'denial', reason: typeof message['hub.reason'] === 'string' ? message['hub.reason'] : 'the hub ended the subscription' };
  const event = record(message['event']);
  const id = message['id'];
  if (!event || typeof id !== 'string' || typeof event['hub.event'] !== 'string') return { kind: 'other' };
  const timestamp = Date.parse(String(message['timestamp']));
  return {
    kind: 'event',
    id,
    timestamp: Number.isNaN(timestamp) ? 0 : timestamp,
    event: event['hub.event'].toLowerCase(),
    topic: String(event['hub.topic'] ?? ''),
    context: Array.isArray(event['context']) ? event['context'] : [],
  };
}

/** The `patient` resource of an event's context, if any. */
export function patientOf(context: readonly unknown[]): unknown {
  return context.map(record).find((c) => c?.['key'] === 'patient')?.['resource'];
}

/** A heartbeat's `period` in seconds, from its context; undefined when absent. */
export function heartbeatPeriod(context: readonly unknown[]): number | undefined {
  const period = Number(context.map(record).find((c) => c?.['key'] === 'period')?.['decimal']);
  return Number.isFinite(period) && period > 0 ? period : undefined;
}
