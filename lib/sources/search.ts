import { FhirRequestError } from './fhir-error';
import type { FhirGet } from './fhir-http';
import { isBundle, isResource, type Bundle, type FhirResource } from '../fhir/resource';
import { earlyNextLink } from './read-ahead';

/**
 * How many times a walk whose next link has expired (410 Gone: the server forgot the search, as
 * HAPI and Oracle Health do after a while) is started again from its first page. Bounded: a server
 * whose links expire faster than they can be followed must not be asked for ever.
 */
export const MAX_RESTARTS = 2;

/** The items of a field a server should have sent as an array (a broken one sends anything). */
const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const fieldOf = (value: unknown, name: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined);

export interface SearchOptions {
  readonly signal: AbortSignal;
  /** Stops a runaway `next` chain; the caller is told the result is incomplete. */
  readonly maxPages: number;
  /** `next` links must stay under this base: a link to another host is never followed with our token. */
  readonly baseUrl?: string;
  /** Given each page's results as it arrives (the walk goes on after it returns). */
  readonly onPage?: (resources: readonly FhirResource[]) => void;
}

export interface SearchResult {
  readonly resources: FhirResource[];
  /** Resources the server added with `_include` (search mode `include`): a row's referents, not results. */
  readonly included?: FhirResource[];
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

/** The `include` entries of a searchset page: resources the results reference (`_include`). */
export function includes(bundle: Bundle): FhirResource[] {
  return listOf(bundle.entry)
    .filter((entry) => fieldOf(fieldOf(entry, 'search'), 'mode') === 'include')
    .map((entry) => fieldOf(entry, 'resource'))
    .filter((resource): resource is FhirResource => isResource(resource));
}

/** The page's `next` link, if any. */
export function nextLink(bundle: Bundle): string | undefined {
  const url = fieldOf(listOf(bundle.link).find((l) => fieldOf(l, 'relation') === 'next'), 'url');
  return typeof url === 'string' ? url : undefined;
}

/**
 * Follows `next` links from a first page. A link seen before is a server loop and ends the walk;
 * a link off the source's base is refused (it would carry the bearer token to another server).
 * Each page's request goes out as soon as the head of the page before it has arrived, before the
 * rest of it is received and parsed (lib/sources/read-ahead.ts): pages can only be fetched one
 * after another, so the time between them is the client's to save.
 */
export async function followPages(get: FhirGet, first: Bundle, firstUrl: string, options: SearchOptions): Promise<SearchResult> {
  return walkAll(get, first, firstUrl, options, readAhead(get, options, new Set([firstUrl])));
}

/** The identity of a result: a server paging over a changing index can send it on two pages. */
const keyOf = (resource: FhirResource) => (resource.id ? `${resource.resourceType}/${resource.id}` : undefined);

/**
 * The results of several searches of one record (its categories, its date windows) with each
 * resource once: the same record can answer two of them. One without an id cannot be told apart and is kept.
 */
export function keptOnce(resources: readonly FhirResource[]): FhirResource[] {
  const byId = new Map<string, FhirResource>();
  const unnamed: FhirResource[] = [];
  for (const resource of resources) {
    const key = keyOf(resource);
    if (key) byId.set(key, resource);
    else unnamed.push(resource);
  }
  return [...byId.values(), ...unnamed];
}

/** Walks from a first page, starting again from `firstUrl` when a next link has expired (bounded). */
async function walkAll(get: FhirGet, first: Bundle, firstUrl: string, options: SearchOptions, firstPages: ReadAhead): Promise<SearchResult> {
  const kept = new Set<string>();
  const fresh = (page: readonly FhirResource[]) =>
    page.filter((resource) => {
      const key = keyOf(resource);
      if (key === undefined) return true;
      if (kept.has(key)) return false;
      kept.add(key);
      return true;
    });
  const resources: FhirResource[] = [];
  const included = new Map<string, FhirResource>();
  const result = (walked: { truncated?: string }): SearchResult => ({ resources, ...(included.size > 0 ? { included: [...included.values()] } : {}), ...walked });
  let page = first;
  let pages = firstPages;
  for (let restarts = 0; ; restarts++) {
    const walked = await walkPages(page, options, pages, (found, referents) => {
      // An included resource can come with every page that names it: kept once.
      for (const r of referents) included.set(keyOf(r) ?? `#${included.size}`, r);
      const added = fresh(found);
      resources.push(...added);
      options.onPage?.(added);
    });
    if (walked !== 'expired') return result(walked);
    if (restarts >= MAX_RESTARTS) return result({ truncated: 'the source let its pages of results expire before fhirside could read them all' });
    // Its links are new ones (the server ran the search again), so nothing seen before counts as a loop.
    pages = readAhead(get, options, new Set([firstUrl]));
    const again = await pages.fetch(firstUrl);
    if (!isBundle(again)) {
      pages.cancel();
      throw new FhirRequestError('The source answered a search with something other than a Bundle', undefined, firstUrl);
    }
    page = again;
  }
}

/** Gives each page's results to `take`; 'expired' when a next link answered 410 Gone. */
async function walkPages(first: Bundle, options: SearchOptions, pages: ReadAhead, take: (page: FhirResource[], included: FhirResource[]) => void): Promise<{ truncated?: string } | 'expired'> {
  take(matches(first), includes(first));
  const { seen } = pages;
  let next = nextLink(first);
  try {
    for (let count = 1; next; count++) {
      if (seen.has(next)) return {};
      if (!onBase(next, options)) {
        return { truncated: 'the source pointed to another server for the rest; fhirside did not follow it' };
      }
      if (count >= options.maxPages) return { truncated: 'more records than fhirside loads at once' };
      seen.add(next);
      let body: unknown;
      try {
        body = await pages.fetch(next);
      } catch (error) {
        if (error instanceof FhirRequestError && error.status === 410 && !options.signal.aborted) return 'expired';
        throw error;
      }
      if (!isBundle(body)) throw new FhirRequestError('The source answered a search with something other than a Bundle', undefined, next);
      next = nextLink(body);
      take(matches(body), includes(body));
    }
    return {};
  } finally {
    pages.cancel();
  }
}

/**
 * Runs a search and follows its pages.
 * @param url - absolute search URL
 */
export async function searchAll(get: FhirGet, url: string, options: SearchOptions): Promise<SearchResult> {
  const pages = readAhead(get, options, new Set([url]));
  const body = await pages.fetch(url);
  if (!isBundle(body)) {
    pages.cancel();
    throw new FhirRequestError('The source answered a search with something other than a Bundle', undefined, url);
  }
  return walkAll(get, body, url, options, pages);
}

/** A next link is followed only on the source's own base. */
function onBase(url: string, options: SearchOptions): boolean {
  return !options.baseUrl || url.startsWith(`${options.baseUrl}/`) || url.startsWith(`${options.baseUrl}?`);
}

interface ReadAhead {
  /** Links already asked for (or about to be): a repeat is a loop. */
  readonly seen: Set<string>;
  /** The page at `url`: the request started ahead if it was, else a new one. */
  fetch(url: string): Promise<unknown>;
  /** Drops the requests started ahead that the walk did not need. */
  cancel(): void;
}

function readAhead(get: FhirGet, options: SearchOptions, seen: Set<string>): ReadAhead {
  // Requests started ahead, by URL: a page's head can arrive before the walk has taken the page
  // before it, so more than one may be on its way.
  const ahead = new Map<string, { body: Promise<unknown>; controller: AbortController }>();
  const request = (url: string, signal: AbortSignal) => get(url, signal, undefined, peek);
  // Only a link the walk would follow anyway is asked for early: on the base, not seen, within the page limit.
  const peek = (head: string) => {
    const url = earlyNextLink(head);
    if (!url || ahead.has(url) || seen.has(url) || !onBase(url, options) || seen.size + ahead.size >= options.maxPages) return;
    const controller = new AbortController();
    const body = request(url, AbortSignal.any([options.signal, controller.signal]));
    // Awaited by the walk if it needs it; otherwise cancelled, and its failure is nobody's error.
    body.catch(() => undefined);
    ahead.set(url, { body, controller });
  };
  const cancel = () => {
    for (const { controller } of ahead.values()) controller.abort();
    ahead.clear();
  };
  const fetch = (url: string) => {
    const started = ahead.get(url);
    if (!started) return request(url, options.signal);
    ahead.delete(url);
    return started.body;
  };
  return { seen, fetch, cancel };
}
