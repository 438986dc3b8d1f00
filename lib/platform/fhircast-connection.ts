/**
 * The background's FHIRcast subscription: one at a time, for the hub and topic the configuration
 * (or an EHR launch's token response) names, with the service worker kept alive while it lasts.
 * A patient the hub names becomes context only with a valid NHS number; anything else, and a lost
 * connection, leaves the session's patient unknown rather than stale.
 */
import type { FhircastConfig } from '../config/effective-config';
import { startFhircastClient, type FhircastStatus, type SocketLike } from '../context/fhircast-client';
import { contextFromPatient } from '../context/patient-from-resource';
import type { PatientContext } from '../context/patient-context';
import { keepAlive } from './keep-alive';

export interface FhircastConnectionDeps {
  /** The session's patient changed: a context, or undefined (closed, unknown, lost). */
  readonly onContext: (context: PatientContext | undefined) => void;
  readonly onStatus?: (status: FhircastStatus, detail: string | undefined, hub: FhircastConfig) => void;
  /** The access token of a signed-in source, for a hub tied to one (FhircastConfig.sourceId). */
  readonly accessToken?: (sourceId: string) => Promise<string | undefined>;
}

/** Returns `use(config)`: subscribes to that hub and topic, dropping any other subscription. */
export function fhircastConnection(deps: FhircastConnectionDeps) {
  let current: { readonly key: string; readonly hub: FhircastConfig; readonly stop: () => Promise<void> } | undefined;
  let subscribed = false;
  return {
    /** A sign-in to `sourceId` arrived: a subscription that was waiting for its token starts again now. */
    async signedIn(sourceId: string): Promise<void> {
      if (!current || subscribed || current.hub.sourceId !== sourceId) return;
      const { hub } = current;
      await current.stop();
      current = undefined;
      await this.use(hub);
    },
    async use(hub: FhircastConfig | undefined): Promise<void> {
      const key = hub ? `${hub.hubUrl} ${hub.topic} ${hub.sourceId ?? ''}` : '';
      if (current?.key === key) return;
      await current?.stop();
      current = undefined;
      await keepAlive(hub !== undefined);
      // No hub: no session patient, including one kept from before the background restarted.
      if (!hub) return deps.onContext(undefined);
      const client = startFhircastClient({
        hubUrl: hub.hubUrl,
        topic: hub.topic,
        fetch: (input, init) => fetch(input, init),
        openSocket: (url) => new WebSocket(url) as unknown as SocketLike,
        ...(hub.sourceId !== undefined && deps.accessToken && { accessToken: () => deps.accessToken!(hub.sourceId!) }),
        onPatient: (event) => {
          const context = event.kind === 'open' ? contextFromPatient(event.resource, 'fhircast', hub.hubUrl) : undefined;
          const usable = context && !('problem' in context) ? context : undefined;
          deps.onContext(usable);
          return event.kind !== 'open' || usable !== undefined;
        },
        onStatus: (status, detail) => {
          subscribed = status === 'subscribed';
          deps.onStatus?.(status, detail, hub);
        },
      });
      current = { key, hub, stop: client.stop };
    },
  };
}
