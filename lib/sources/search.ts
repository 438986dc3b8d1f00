import { FhirRequestError } from './fhir-error';
import type { FhirGet } from './fhir-http';
import { isBundle, type FhirResource } from './fhir-types';

export interface SearchOptions {
  readonly signal: AbortSignal;
  /** Stops a runaway `next` chain; the caller is told the result is incomplete. */
  readonly maxPages: number;
}

export interface SearchResult {
  readonly resources: FhirResource[];
  /** True when paging stopped at maxPages, so the caller can say "more not shown". */
  readonly truncated: boolean;
}

/**
 * Runs a search and follows `next` links. Only `match` entries are returned (an `_include`d
 * resource is not a result). A `next` link seen twice is a server bug; it ends the walk
 * rather than looping forever.
 * @param url - absolute search URL
 */
export async function searchAll(get: FhirGet, url: string, options: SearchOptions): Promise<SearchResult> {
  const resources: FhirResource[] = [];
  const seen = new Set<string>();
  let next: string | undefined = url;
  let pages = 0;
  while (next && pages < options.maxPages) {
    seen.add(next);
    const body = await get(next, options.signal);
    if (!isBundle(body)) throw new FhirRequestError('The source answered a search with something other than a Bundle', undefined, next);
    pages++;
    for (const entry of body.entry ?? []) {
      if (entry.resource && (entry.search?.mode ?? 'match') === 'match') resources.push(entry.resource);
    }
    const link = body.link?.find((l) => l.relation === 'next')?.url;
    next = link && !seen.has(link) ? link : undefined;
  }
  return { resources, truncated: next !== undefined };
}
