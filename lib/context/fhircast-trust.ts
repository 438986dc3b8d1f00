/**
 * What fhirside will trust of a FHIRcast hub. The hub names the patient the panel shows, so it is
 * held to the rule every source is held to: encrypted transport (https, wss), plain http or ws only
 * on this computer (the sandbox); and an event counts only for the topic fhirside subscribed to.
 */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function url(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** A hub URL fhirside may subscribe at: https, or http on loopback. */
export function hubUrlAllowed(raw: string): boolean {
  const u = url(raw);
  return u !== undefined && (u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname)));
}

/** A WebSocket endpoint (`hub.channel.endpoint`) fhirside may open: wss, or ws on loopback. */
export function socketEndpointAllowed(raw: string): boolean {
  const u = url(raw);
  return u !== undefined && (u.protocol === 'wss:' || (u.protocol === 'ws:' && LOOPBACK.has(u.hostname)));
}

/**
 * True when an event names the session fhirside subscribed to. FHIRcast topics are opaque session
 * ids compared as sent; an event for another session must never move this clinician's panel.
 */
export function sameTopic(eventTopic: string, subscribed: string): boolean {
  return eventTopic === subscribed;
}
