/** Searches sent as one batch Bundle: one round trip instead of one per search. */
import type { FhirGet } from './fhir-http';
import { isBundle, type BundleEntry } from '../fhir/resource';

/**
 * Sends GET searches (URLs relative to `baseUrl`) as one batch. Resolves to the answer's entries in
 * the same order, a garbage entry (null, a number) read as an empty one; undefined when the server
 * refused the batch or its answer is not a usable batch-response. Throws only when aborted.
 */
export async function sendBatch(get: FhirGet, baseUrl: string, searches: readonly string[], signal: AbortSignal): Promise<BundleEntry[] | undefined> {
  const request = { resourceType: 'Bundle', type: 'batch', entry: searches.map((url) => ({ request: { method: 'GET', url } })) };
  let answer: unknown;
  try {
    answer = await get(baseUrl, signal, { method: 'POST', body: request });
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
  if (!isBundle(answer) || !Array.isArray(answer.entry) || answer.entry.length !== searches.length) return undefined;
  return answer.entry.map((entry): BundleEntry => (typeof entry === 'object' && entry !== null ? entry : {}));
}

/** A batch entry's HTTP status (`"200 OK"` → 200); 0 when it gave none. */
export function entryStatus(entry: BundleEntry): number {
  return Number.parseInt(String(entry.response?.status ?? ''), 10) || 0;
}
