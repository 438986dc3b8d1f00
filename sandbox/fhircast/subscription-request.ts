/** Reads a FHIRcast subscription request (a form post to the hub URL) into what it asks for. */

export type SubscriptionRequest =
  | { readonly mode: 'subscribe'; readonly topic: string; readonly events: Set<string>; readonly leaseSeconds: number; readonly endpointId?: string }
  | { readonly mode: 'unsubscribe'; readonly topic: string; readonly endpointId: string };

/**
 * @param wsBase - the hub's endpoint prefix; an endpoint outside it names no subscription
 * @param maxLeaseSeconds - the longest lease granted, whatever is asked
 */
export function readSubscriptionRequest(form: URLSearchParams, wsBase: string, maxLeaseSeconds: number): SubscriptionRequest | { readonly problem: string } {
  if (form.get('hub.channel.type') !== 'websocket') return { problem: 'hub.channel.type must be websocket' };
  const topic = form.get('hub.topic');
  if (!topic) return { problem: 'hub.topic is required' };
  const endpoint = form.get('hub.channel.endpoint');
  if (endpoint !== null && !endpoint.startsWith(wsBase)) return { problem: 'hub.channel.endpoint is not one of this hub\'s' };
  const endpointId = endpoint?.slice(wsBase.length);
  const mode = form.get('hub.mode');
  if (mode === 'unsubscribe') return endpointId ? { mode, topic, endpointId } : { problem: 'hub.channel.endpoint is required to unsubscribe' };
  if (mode !== 'subscribe') return { problem: 'hub.mode must be subscribe or unsubscribe' };
  const events = new Set((form.get('hub.events') ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean));
  if (events.size === 0) return { problem: 'hub.events is required to subscribe' };
  const asked = Number(form.get('hub.lease_seconds') ?? maxLeaseSeconds);
  const leaseSeconds = Math.min(maxLeaseSeconds, Number.isInteger(asked) && asked > 0 ? asked : maxLeaseSeconds);
  return { mode, topic, events, leaseSeconds, ...(endpointId && { endpointId }) };
}
