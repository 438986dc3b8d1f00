/**
 * FHIRcast Get Current Context (FHIRcast 3.0.0, 2-9-GetCurrentContext: `GET base-hub-URL/{topic}`,
 * answered with `context.type`, `context.versionId` and `context`, empty when nothing is open).
 * Asked on every (re)subscription: a hub need not re-send the open context to a new subscriber, and
 * events published while the subscriber was away (Firefox stops an idle background) are not queued.
 */
import { patientOf } from './fhircast-messages';
import type { HubPatientEvent } from './fhircast-types';

/** The hub URL of one topic's current context. */
export const currentContextUrl = (hubUrl: string, topic: string) => `${hubUrl.replace(/\/+$/, '')}/${encodeURIComponent(topic)}`;

/**
 * The topic's current patient as an event: `open` with its Patient, `close` when the hub holds no
 * context or one without a patient, undefined when the hub could not say (no such operation, an error,
 * not JSON) — the caller then cannot vouch for any patient.
 * @param fetcher - the extension's fetch
 * @param authorization - the hub's Authorization header, as on subscribe: the current context names a patient
 */
export async function fetchCurrentPatient(fetcher: typeof fetch, hubUrl: string, topic: string, authorization: Record<string, string> = {}): Promise<HubPatientEvent | undefined> {
  try {
    const response = await fetcher(currentContextUrl(hubUrl, topic), { headers: { Accept: 'application/json', ...authorization }, cache: 'no-store' });
    if (!response.ok) return undefined;
    const body = (await response.json()) as Record<string, unknown> | null;
    const context = body?.['context'];
    if (!Array.isArray(context)) return undefined;
    const resource = patientOf(context);
    return resource === undefined ? { kind: 'close' } : { kind: 'open', resource };
  } catch {
    return undefined;
  }
}
