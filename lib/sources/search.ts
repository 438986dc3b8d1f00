import { FhirRequestError } from './fhir-error';
import type { FhirGet } from './fhir-http';
import { isBundle, type Bundle, type FhirResource } from './fhir-types';

export interface SearchOptions {
  readonly signal: AbortSignal;
  /** Stops a runaway `next` chain; the caller is told the result is incomplete. */
  readonly maxPages: number;
  /** `next` links must stay under this base: a link to another host is never followed with our token. */
  readonly baseUrl?: string;
}

export interface SearchResult {
  readonly resources: FhirResource[];
  /** Set when paging stopped early, with the reason, so the panel can say "more not shown". */
  readonly truncated?: string;
}

/** The `match` entries of a searchset page (an `_include`d resource is not a result). */
export function matches(bundle: Bundle): FhirResource[] {
  const out: FhirResource[] = [];
  for (const entry of bundle.entry ?? []) {
    if (entry.resource && (entry.search?.mode ?? 'match') === 'match') out.push(entry.resource);
  }
  return out;
}

/** The page's `next` link, if any. */
export function nextLink(bundle: Bundle): string | undefined {
  return bundle.link?.find((l) => l.relation === 'next')?.url;
}

/**
 * Follows `next` links from a first page. A link seen before is a server loop and ends the walk;
 * a link off the source's base is refused (it would carry the bearer token to another server).
 */
export async function followPages(get: FhirGet, first: Bundle, firstUrl: string, options: SearchOptions): Promise<SearchResult> {
  const resources = matches(first);
  const seen = new Set([firstUrl]);
  let next = nextLink(first);
  for (let pages = 1; next; pages++) {
    if (seen.has(next)) return { resources };
    if (options.baseUrl && !next.startsWith(`${options.baseUrl}/`) && !next.startsWith(`${options.baseUrl}?`)) {
      return { resources, truncated: 'the source pointed to another server for the rest; fhirside did not follow it' };
    }
    if (pages >= options.maxPages) return { resources, truncated: 'more records than fhirside loads at once' };
    seen.add(next);
    const body = await get(next, options.signal);
    if (!isBundle(body)) throw new FhirRequestError('The source answered a search with something other than a Bundle', undefined, next);
    resources.push(...matches(body));
    next = nextLink(body);
  }
  return { resources };
}

/**
 * Runs a search and follows its pages.
 * @param url - absolute search URL
 */
export async function searchAll(get: FhirGet, url: string, options: SearchOptions): Promise<SearchResult> {
  const body = await get(url, options.signal);
  if (!isBundle(body)) throw new FhirRequestError('The source answered a search with something other than a Bundle', undefined, url);
  return followPages(get, body, url, options);
}
