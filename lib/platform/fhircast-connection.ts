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
}

/** Returns `use(config)`: subscribes to that hub and topic, dropping any other subscription. */
export function fhircastConnection(deps: FhircastConnectionDeps) {
  let current: { readonly key: string; readonly stop: () => Promise<void> } | undefined;
  return {
    async use(hub: FhircastConfig | undefined): Promise<void> {
      const key = hub ? `${hub.hubUrl} ${hub.topic}` : '';
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
        onPatient: (event) => {
          const context = event.kind === 'open' ? contextFromPatient(event.resource, 'fhircast', hub.hubUrl) : undefined;
          const usable = context && !('problem' in context) ? context : undefined;
          deps.onContext(usable);
          return event.kind !== 'open' || usable !== undefined;
        },
        onStatus: (status, detail) => deps.onStatus?.(status, detail, hub),
      });
      current = { key, stop: client.stop };
    },
  };
}
