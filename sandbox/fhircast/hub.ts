/**
 * The sandbox FHIRcast hub's protocol (FHIRcast STU3, WebSocket channel only): subscription
 * requests, context-change requests from an EPR, event distribution, heartbeats, leases and the
 * subscribers' acknowledgements. Transport lives in server.ts.
 */
import type { WebSocket } from 'ws';
import { anchorOf, CurrentContexts, heartbeat, readPublished, type Notification } from './events';
import { readSubscriptionRequest } from './subscription-request';
import { send, Subscriptions, type Subscription } from './subscriptions';

export interface HubOptions {
  /** `ws://host:port/ws/`: endpoints are this plus the subscription id. */
  readonly wsBase: string;
  readonly heartbeatSeconds: number;
  /** The longest lease granted, whatever is asked. */
  readonly maxLeaseSeconds: number;
  /**
   * Send the current context to a new subscriber at once (FHIRcast STU3); false behaves as hubs that
   * only answer Get Current Context (`GET {hub}/{topic}`), which a subscriber must then ask.
   */
  readonly sendContextOnSubscribe?: boolean;
}

export interface HubAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** A subscriber's answer to one event (`{"id", "status"}`), kept for tests and the log. */
export interface Acknowledgement {
  readonly id: string;
  readonly status: number;
}

const problem = (text: string): HubAnswer => ({ status: 400, body: text });

export class FhircastHub {
  readonly acknowledgements: Acknowledgement[] = [];
  readonly #subs = new Subscriptions();
  readonly #current = new CurrentContexts();
  readonly #heartbeat: ReturnType<typeof setInterval>;

  constructor(readonly options: HubOptions) {
    this.#heartbeat = setInterval(() => {
      for (const s of this.#subs.connected()) send(s.socket!, heartbeat(s.topic, options.heartbeatSeconds));
    }, options.heartbeatSeconds * 1000);
    this.#heartbeat.unref();
  }

  /** A subscription request (form fields as in FHIRcast 2-4 "Subscribing to Events"). */
  subscribe(form: URLSearchParams): HubAnswer {
    const request = readSubscriptionRequest(form, this.options.wsBase, this.options.maxLeaseSeconds);
    if ('problem' in request) return problem(request.problem);
    const existing = request.endpointId === undefined ? undefined : this.#subs.get(request.endpointId);
    if (request.endpointId !== undefined && existing?.topic !== request.topic) return problem('hub.channel.endpoint names no subscription to this topic');
    if (request.mode === 'unsubscribe') {
      this.#subs.end(existing!, 'unsubscribed');
      return { status: 202, body: { 'hub.channel.endpoint': this.options.wsBase + request.endpointId } };
    }
    if (existing) {
      // A repeated request for the same endpoint replaces its events and lease, and is confirmed again.
      existing.events = request.events;
      existing.leaseSeconds = request.leaseSeconds;
      if (existing.socket) this.#confirm(existing);
      return { status: 202, body: { 'hub.channel.endpoint': this.options.wsBase + existing.id } };
    }
    const created = this.#subs.create(request.topic, request.events, request.leaseSeconds);
    if (!created) return { status: 503, body: 'too many subscriptions' };
    return { status: 202, body: { 'hub.channel.endpoint': this.options.wsBase + created.id } };
  }

  /** A subscriber connected to its endpoint: confirm, then tell it the topic's current context. */
  attach(id: string, socket: WebSocket): boolean {
    const subscription = this.#subs.get(id);
    if (!subscription || subscription.socket) return false;
    subscription.socket = socket;
    socket.on('message', (data) => this.#acknowledged(String(data)));
    socket.on('close', () => this.#subs.get(id) === subscription && this.#subs.end(subscription, 'connection closed'));
    this.#confirm(subscription);
    const current = this.#current.get(subscription.topic);
    if (current && this.options.sendContextOnSubscribe !== false && this.#wants(subscription, current)) send(socket, current);
    return true;
  }

  /** A context change from an EPR: 202, then every subscriber of the topic that wants it is told. */
  publish(body: unknown): HubAnswer {
    const notification = readPublished(body);
    if ('problem' in notification) return problem(notification.problem);
    this.#current.apply(notification);
    for (const s of this.#subs.ofTopic(notification.event['hub.topic'])) if (this.#wants(s, notification)) send(s.socket!, notification);
    return { status: 202, body: '' };
  }

  /** `GET <hub>/<topic>`: the current context, as FHIRcast "Get current context" describes. */
  currentContext(topic: string): HubAnswer {
    const open = this.#current.get(topic);
    const type = open ? anchorOf(open.event['hub.event'])?.type ?? '' : '';
    return { status: 200, body: { 'context.type': type ? type[0]!.toUpperCase() + type.slice(1) : '', 'context.versionId': open?.id ?? '', context: open?.event.context ?? [] } };
  }

  close(): void {
    clearInterval(this.#heartbeat);
    this.#subs.endAll('hub shutting down');
  }

  #wants(subscription: Subscription, notification: Notification): boolean {
    return subscription.events.has(notification.event['hub.event'].toLowerCase());
  }

  #confirm(subscription: Subscription): void {
    clearTimeout(subscription.leaseTimer);
    subscription.leaseTimer = setTimeout(() => this.#subs.end(subscription, 'lease expired'), subscription.leaseSeconds * 1000);
    subscription.leaseTimer.unref();
    send(subscription.socket!, {
      'hub.mode': 'subscribe',
      'hub.topic': subscription.topic,
      'hub.events': [...subscription.events].join(','),
      'hub.lease_seconds': subscription.leaseSeconds,
    });
  }

  #acknowledged(text: string): void {
    try {
      const { id, status } = JSON.parse(text) as { id?: unknown; status?: unknown };
      if (typeof id !== 'string') return;
      this.acknowledgements.push({ id, status: Number(status) });
      if (this.acknowledgements.length > 1000) this.acknowledgements.shift();
    } catch {
      // A subscriber's malformed message is ignored; it is not an event.
    }
  }
}
