/**
 * A first page shorter than asked for that still has a `next` link: in the manner of Epic on FHIR
 * and Oracle Health Millennium, which filter a page after fetching it (security, confidential
 * records) and so return fewer entries than `_count` without it being the last page. A client
 * that stops at the first short page loses the rest.
 */
import { mapNextLink } from '../bundle-edits';
import { isSearch, withParams, type Rule } from '../exchange';

export const shortPages: Rule = {
  handle: async (request, _context, next) => {
    const asked = Number(request.params.get('_count') ?? 0);
    if (!isSearch(request) || asked < 3 || Number(request.params.get('_offset') ?? 0) > 0) return next(request);
    const params = new URLSearchParams(request.params);
    params.set('_count', String(Math.ceil(asked / 3)));
    const answer = await next(withParams(request, params));
    // The pages after it are full again.
    return mapNextLink(answer, (url) => {
      const link = new URL(url);
      link.searchParams.set('_count', String(asked));
      return link.href;
    });
  },
};
