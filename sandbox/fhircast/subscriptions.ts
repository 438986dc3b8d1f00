/**
 * WebSocket subscriptions of the sandbox FHIRcast hub: one per endpoint (an unguessable URL), each
 * with a topic, the events it wants and a lease. The hub confirms over the socket once the
 * subscriber connects, renews on a repeated request for the same endpoint, and ends the
 * subscription (denial, then close) when the lease runs out or the subscriber unsubscribes.
 */
import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';

export interface Subscription {
  readonly id: string;
  readonly topic: string;
  events: Set<string>;
  leaseSeconds: number;
  socket?: WebSocket;
  leaseTimer?: ReturnType<typeof setTimeout>;
}

/** A subscriber that never connects is forgotten after this. */
const CONNECT_WITHIN_MS = 60_000;
const MAX_SUBSCRIPTIONS = 1000;

export class Subscriptions {
  readonly #byId = new Map<string, Subscription>();

  /** Creates a subscription waiting for its socket; undefined when the hub is full. */
  create(topic: string, events: Set<string>, leaseSeconds: number): Subscription | undefined {
    if (this.#byId.size >= MAX_SUBSCRIPTIONS) return undefined;
    const subscription: Subscription = { id: randomBytes(18).toString('base64url'), topic, events, leaseSeconds };
    this.#byId.set(subscription.id, subscription);
    const unconnected = setTimeout(() => !subscription.socket && this.#byId.delete(subscription.id), CONNECT_WITHIN_MS);
    unconnected.unref();
    return subscription;
  }

  get(id: string): Subscription | undefined {
    return this.#byId.get(id);
  }

  /** Connected subscriptions of one topic. */
  ofTopic(topic: string): Subscription[] {
    return [...this.#byId.values()].filter((s) => s.topic === topic && s.socket);
  }

  /** Every connected subscription. */
  connected(): Subscription[] {
    return [...this.#byId.values()].filter((s) => s.socket);
  }

  /** Ends a subscription: a denial over its socket (if any), then the socket closes. */
  end(subscription: Subscription, reason: string): void {
    this.#byId.delete(subscription.id);
    clearTimeout(subscription.leaseTimer);
    const { socket } = subscription;
    if (!socket) return;
    send(socket, { 'hub.mode': 'denied', 'hub.topic': subscription.topic, 'hub.events': [...subscription.events].join(','), 'hub.reason': reason });
    socket.close(1000, reason.slice(0, 100));
  }

  endAll(reason: string): void {
    for (const subscription of [...this.#byId.values()]) this.end(subscription, reason);
  }
}

/** Sends one JSON message if the socket is open. */
export function send(socket: WebSocket, message: unknown): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}
