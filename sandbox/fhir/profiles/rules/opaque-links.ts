/**
 * Next links a client could not build itself; the search behind them lives on the server.
 * - `getpages`: at the base, `?_getpages=<id>&_getpagesoffset=N&_count=N&_bundletype=searchset`,
 *   in the manner of HAPI FHIR's paging provider;
 * - `page-context`: `/<Type>?-pageContext=<uuid>&-pageDirection=NEXT`, in the manner of Oracle Health
 *   Millennium's R4 paging;
 * - `continuation`: the original search plus `ct=<token>`, in the manner of the Microsoft FHIR
 *   server (Azure Health Data Services), whose continuation token replaces `_offset`.
 * An unknown id answers 410 Gone, as the server that forgot the search does.
 */
import { mapNextLink, opaqueId } from '../bundle-edits';
import { refuse, withParams, type Answer, type Next, type ProfileRequest, type Rule, type RuleContext } from '../exchange';

type Stored = ReadonlyMap<string, string>;
const store = (context: RuleContext, key: string): Map<string, string> => {
  const found = context.state.get(key) as Map<string, string> | undefined;
  if (found) return found;
  const made = new Map<string, string>();
  context.state.set(key, made);
  return made;
};

/** Runs the engine's own link (the search at an offset) for an opaque request. */
function replay(request: ProfileRequest, context: RuleContext, engineUrl: string, next: Next): Promise<Answer> {
  const url = new URL(engineUrl);
  return next(withParams(request, url.searchParams, url.pathname.slice(new URL(context.baseUrl).pathname.length)));
}

const gone = (what: string) => Promise.resolve(refuse(410, 'not-found', `Search ${what} does not exist and may have expired`));

export const getpagesLinks: Rule = {
  handle: async (request, context, next) => {
    const searches: Stored = store(context, 'getpages');
    const id = request.params.get('_getpages');
    if (request.path === '' && request.method === 'GET' && id !== null) {
      const search = searches.get(id);
      if (!search) return gone(id);
      const url = new URL(search);
      url.searchParams.set('_offset', request.params.get('_getpagesoffset') ?? '0');
      url.searchParams.set('_count', request.params.get('_count') ?? '20');
      return mapNextLink(await replay(request, context, url.href, next), (link) => opaque(link));
    }
    return mapNextLink(await next(request), (link) => opaque(link));
    function opaque(link: string): string {
      const url = new URL(link);
      const offset = url.searchParams.get('_offset') ?? '0';
      const count = url.searchParams.get('_count') ?? '20';
      url.searchParams.delete('_offset');
      url.searchParams.delete('_count');
      // One id per search, reused for each of its pages, as HAPI does.
      const key = url.href;
      const writable = store(context, 'getpages');
      let searchId = [...writable].find(([, s]) => s === key)?.[0];
      if (!searchId) writable.set((searchId = opaqueId()), key);
      return `${context.baseUrl}?_getpages=${searchId}&_getpagesoffset=${offset}&_count=${count}&_bundletype=searchset`;
    }
  },
};

/** Replaces each next link with `build(type, token)`; a request carrying `tokenParam` is looked up. */
function tokenLinks(key: string, tokenParam: string, build: (link: URL, token: string) => string, mint: () => string = opaqueId): Rule {
  return {
    handle: async (request, context, next) => {
      const links = store(context, key);
      const token = request.params.get(tokenParam);
      const hide = (answer: Answer) =>
        mapNextLink(answer, (link) => {
          const id = mint();
          links.set(id, link);
          return build(new URL(link), id);
        });
      if (token === null) return hide(await next(request));
      const link = links.get(token);
      if (!link) return gone(token);
      return hide(await replay(request, context, link, next));
    },
  };
}

export const pageContextLinks = tokenLinks('page-context', '-pageContext', (link, id) => `${link.origin}${link.pathname}?-pageContext=${id}&-pageDirection=NEXT`);

export const continuationLinks = tokenLinks('continuation', 'ct', (link, token) => {
  const params = new URLSearchParams(link.searchParams);
  params.delete('_offset');
  params.set('ct', token);
  return `${link.origin}${link.pathname}?${params.toString()}`;
}, () => Buffer.from(opaqueId()).toString('base64url'));
