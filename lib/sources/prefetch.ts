/**
 * Many small searches in one round trip. A warm look-up asks each source who the patient is and,
 * per kind of record, how many there are and what changed since the saved copy: some thirty GETs
 * that are each answered in microseconds, so the round trips are the whole cost. They go as one
 * batch Bundle, and the FhirGet returned answers each of those URLs once from the batch; anything
 * else (a next page, a full search when a count shows a deletion) still goes to the network.
 */
import type { PatientContext } from '../context/patient-context';
import { entryStatus, sendBatch } from './batch';
import type { FhirGet } from './fhir-http';
import { isBundle } from '../fhir/resource';
import type { PatientQuery } from './queries';
import { patientSearchUrl } from './resolve-patient';
import { revalidationUrls } from './revalidate';

/**
 * Sends `urls` (absolute, on `baseUrl`) as one batch; resolves to a FhirGet answering them from it.
 * A refused or unusable batch only means every search goes to the network as before.
 */
export async function prefetched(get: FhirGet, baseUrl: string, urls: readonly string[], signal: AbortSignal): Promise<FhirGet> {
  const answers = new Map<string, unknown>();
  const entries = await sendBatch(get, baseUrl, urls.map((url) => url.slice(baseUrl.length + 1)), signal);
  // A failed entry is asked again on its own, so its error is reported as usual.
  entries?.forEach((entry, i) => {
    if (isBundle(entry.resource) && entryStatus(entry) < 300) answers.set(urls[i]!, entry.resource);
  });
  return (url, s, init, peek) => {
    if (init || !answers.has(url)) return get(url, s, init, peek);
    const body = answers.get(url);
    answers.delete(url);
    return Promise.resolve(body);
  };
}

/**
 * The batch for revalidating a saved record: the patient search, then each query's count and
 * changes since `fetchedAt`, for the patient id the record was saved under.
 */
export function revalidationBatch(get: FhirGet, baseUrl: string, context: PatientContext, queries: readonly PatientQuery[], fetchedAt: number, signal: AbortSignal): Promise<FhirGet> {
  const urls = [patientSearchUrl(baseUrl, context), ...queries.flatMap((q) => revalidationUrls(baseUrl, q, fetchedAt))];
  return prefetched(get, baseUrl, urls, signal);
}
