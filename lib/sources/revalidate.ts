/**
 * Revalidating a saved record cheaply: ask each query only for what changed since the saved copy
 * (`_lastUpdated=gt…`) and for its count (`_summary=count`). If saved + changed adds up to the
 * server's count, nothing was deleted and the merged list is current; otherwise (a deletion, a
 * moved horizon, a server that ignores either parameter) fall back to the full search.
 * A trust has thousands of clinicians and one set of FHIR servers: most looks are repeat looks.
 */
import type { FhirGet } from './fhir-http';
import { isBundle, type FhirResource } from '../fhir/resource';
import type { PatientQuery } from './queries';
import { searchAll } from './search';
import { IGNORES_LAST_UPDATED } from './adapt-query';

export interface SavedRecord {
  /** When the saved resources were fetched (ms since epoch). */
  readonly fetchedAt: number;
  readonly resources: readonly FhirResource[];
}

function variant(baseUrl: string, query: PatientQuery, change: (params: URLSearchParams) => void): string {
  const url = new URL(`${baseUrl}/${query.url}`);
  change(url.searchParams);
  return url.href;
}

/**
 * The two searches that revalidate one query: its count, and what changed since `fetchedAt`.
 * @param fetchedAt - when the saved copy was fetched (ms since epoch)
 */
export function revalidationUrls(baseUrl: string, query: PatientQuery, fetchedAt: number): [count: string, changed: string] {
  // A second's overlap: servers stamp lastUpdated to the second, and a missed change is worse than a repeated one.
  const since = new Date(fetchedAt - 1000).toISOString();
  const countUrl = variant(baseUrl, query, (p) => {
    p.delete('_count');
    p.delete('_sort');
    p.set('_summary', 'count');
  });
  return [countUrl, variant(baseUrl, query, (p) => p.set('_lastUpdated', `gt${since}`))];
}

/**
 * True if a result of a `_lastUpdated=gt…` search was last updated before that time, or does not
 * say when: the server ignored the parameter (Epic, the Microsoft FHIR server's lenient handling)
 * and sent records it was not asked for, so "what changed" cannot be read from it.
 */
function ignoredSince(resources: readonly FhirResource[], since: number): boolean {
  return resources.some((r) => {
    const at = Date.parse(r.meta?.lastUpdated ?? '');
    return Number.isNaN(at) || at <= since;
  });
}

/**
 * Brings one query's saved resources up to date, or returns undefined when only a full search can,
 * and IGNORES_LAST_UPDATED when the server showed it ignores `_lastUpdated` (never trust it again).
 * @param saved - the saved resources of this query's type
 */
export async function revalidateQuery(get: FhirGet, baseUrl: string, query: PatientQuery, saved: SavedRecord, signal: AbortSignal, maxPages: number): Promise<FhirResource[] | typeof IGNORES_LAST_UPDATED | undefined> {
  const [countUrl, changedUrl] = revalidationUrls(baseUrl, query, saved.fetchedAt);
  const [counted, changed] = await Promise.all([get(countUrl, signal), searchAll(get, changedUrl, { signal, maxPages, baseUrl })]);
  if (ignoredSince(changed.resources, saved.fetchedAt - 1000)) return IGNORES_LAST_UPDATED;
  if (!isBundle(counted) || typeof counted.total !== 'number' || changed.truncated) return undefined;
  const merged = new Map<string, FhirResource>();
  for (const resource of saved.resources) if (resource.id) merged.set(resource.id, resource);
  // Only the query's own type is counted: an `_include`d Medication is read again with its referrer.
  for (const resource of changed.resources) if (resource.id && resource.resourceType === query.resourceType) merged.set(resource.id, resource);
  return merged.size === counted.total ? [...merged.values()] : undefined;
}
