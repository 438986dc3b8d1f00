/**
 * FHIRcast events as the hub handles them: checking a published context change, the notification
 * sent to subscribers, heartbeats, and each topic's current context (the latest *-open not yet
 * closed), which a new subscriber is told at once and `GET <hub>/<topic>` returns.
 */
import { randomUUID } from 'node:crypto';

export interface HubEvent {
  readonly 'hub.topic': string;
  readonly 'hub.event': string;
  readonly context: readonly unknown[];
}

export interface Notification {
  readonly timestamp: string;
  readonly id: string;
  readonly event: HubEvent;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a context-change request body; returns the notification or what is wrong with it. */
export function readPublished(body: unknown): Notification | { readonly problem: string } {
  if (!isRecord(body)) return { problem: 'body must be a JSON object' };
  const { timestamp, id, event } = body;
  if (typeof timestamp !== 'string' || Number.isNaN(Date.parse(timestamp))) return { problem: 'timestamp must be an ISO 8601 date-time' };
  if (typeof id !== 'string' || id === '' || id.length > 200) return { problem: 'id must be a non-empty string' };
  if (!isRecord(event)) return { problem: 'event must be an object' };
  const topic = event['hub.topic'];
  const name = event['hub.event'];
  if (typeof topic !== 'string' || topic === '') return { problem: 'event["hub.topic"] must be a string' };
  if (typeof name !== 'string' || !/^[A-Za-z]+-[A-Za-z]+$|^[a-z]+$/.test(name)) return { problem: 'event["hub.event"] must name an event, e.g. patient-open' };
  if (!Array.isArray(event['context'])) return { problem: 'event.context must be an array' };
  return { timestamp, id, event: { 'hub.topic': topic, 'hub.event': name, context: event['context'] } };
}

/** The hub's own heartbeat, sent over every socket so the subscriber knows the line is alive. */
export function heartbeat(topic: string, periodSeconds: number): Notification {
  return {
    timestamp: new Date().toISOString(),
    id: randomUUID(),
    event: { 'hub.topic': topic, 'hub.event': 'heartbeat', context: [{ key: 'period', decimal: String(periodSeconds) }] },
  };
}

/** The anchor type an event opens or closes (`patient-open` → `patient`), or undefined. */
export function anchorOf(eventName: string): { readonly type: string; readonly action: string } | undefined {
  const m = /^([a-z]+)-(open|close)$/.exec(eventName.toLowerCase());
  return m ? { type: m[1]!, action: m[2]! } : undefined;
}

/** The current context of each topic: the latest open event per topic, until closed. */
export class CurrentContexts {
  readonly #byTopic = new Map<string, Notification>();

  /** Records a published event's effect on its topic's context. */
  apply(notification: Notification): void {
    const anchor = anchorOf(notification.event['hub.event']);
    const topic = notification.event['hub.topic'];
    if (anchor?.action === 'open') this.#byTopic.set(topic, notification);
    else if (anchor?.action === 'close' && anchorOf(this.#byTopic.get(topic)?.event['hub.event'] ?? '')?.type === anchor.type) this.#byTopic.delete(topic);
  }

  /** The open event that set the topic's context, if any. */
  get(topic: string): Notification | undefined {
    return this.#byTopic.get(topic);
  }
}
