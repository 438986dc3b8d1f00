/**
 * AuditEvents waiting to be posted. Auditing never blocks care: a look-up only queues its event;
 * posting happens afterwards, and what fails stays queued and is retried later. The queue lives in
 * session storage (memory only): it names a patient, so it is never written to disk.
 */
import type { KeyValueStore } from '../sources/key-value-store';

const KEY = 'audit:pending';
/** A queue that cannot drain must not grow without bound in memory; the oldest go first, and say so. */
const MAX_PENDING = 500;

export interface AuditQueueDeps {
  readonly store: KeyValueStore;
  /** Posts one event; rejects when the endpoint did not accept it. */
  readonly post: (event: unknown) => Promise<void>;
}

export interface AuditStatus {
  /** Events not yet accepted by the audit endpoint. */
  readonly pending: number;
  /** Why the last attempt failed, when it did. */
  readonly lastError?: string;
  /** Events dropped because the queue was full. */
  readonly dropped: number;
}

const read = async (store: KeyValueStore) => ((await store.get(KEY)) as { events: unknown[]; dropped: number } | undefined) ?? { events: [], dropped: 0 };

/** Adds an event to the queue. */
export async function queueAuditEvent(store: KeyValueStore, event: unknown): Promise<void> {
  const queue = await read(store);
  const events = [...queue.events, event];
  const over = Math.max(0, events.length - MAX_PENDING);
  await store.set(KEY, { events: events.slice(over), dropped: queue.dropped + over });
}

/**
 * Posts the queued events in order, stopping at the first failure (the endpoint is probably down;
 * the rest wait for the next try).
 */
export async function flushAuditQueue(deps: AuditQueueDeps): Promise<AuditStatus> {
  const queue = await read(deps.store);
  let sent = 0;
  let lastError: string | undefined;
  for (const event of queue.events) {
    try {
      await deps.post(event);
      sent++;
    } catch (error) {
      lastError = error instanceof Error ? error.message : 'the audit endpoint did not accept the event';
      break;
    }
  }
  // Re-read: a look-up may have queued more while these were posting.
  const now = await read(deps.store);
  const remaining = now.events.slice(sent);
  await deps.store.set(KEY, { events: remaining, dropped: now.dropped });
  return { pending: remaining.length, dropped: now.dropped, ...(lastError !== undefined && { lastError }) };
}
