import { FhirRequestError } from './fhir-error';
import type { FhirGet } from './fhir-http';
import { isBundle, isResource, type Bundle, type FhirResource } from './fhir-types';

/** The items of a field a server should have sent as an array (a broken one sends anything). */
const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const fieldOf = (value: unknown, name: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined);

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
  // Typed as FHIR, received as JSON: a null entry or a string for `entry` is a garbage page, not a crash.
  for (const entry of listOf(bundle.entry)) {
    const resource = fieldOf(entry, 'resource');
    if (isResource(resource) && (fieldOf(fieldOf(entry, 'search'), 'mode') ?? 'match') === 'match') out.push(resource);
  }
  return out;
}

/** The page's `next` link, if any. */
export function nextLink(bundle: Bundle): string | undefined {
  const url = fieldOf(listOf(bundle.link).find((l) => fieldOf(l, 'relation') === 'next'), 'url');
  return typeof url === 'string' ? url : undefined;
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
