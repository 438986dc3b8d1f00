/**
 * A next link is good for a limited time, then answers 410 Gone with an OperationOutcome: in the
 * manner of HAPI FHIR, whose stored search results expire (and whose `_getpages` then answers
 * 410 "Search ... does not exist and may have expired"), and of Oracle Health Millennium, whose
 * page contexts time out. A client walking a long record slowly must start the walk again.
 */
import { mapNextLink } from '../bundle-edits';
import { refuse, type Rule } from '../exchange';

/** A link's path and query in one spelling, however its parameters were encoded. */
const keyOf = (url: URL) => `${url.pathname}?${url.searchParams.toString()}`;

export const expiringLinks: Rule = {
  handle: async (request, context, next) => {
    const issued = (context.state.get('issued') as Map<string, number> | undefined) ?? new Map<string, number>();
    context.state.set('issued', issued);
    const at = issued.get(keyOf(new URL(`${context.baseUrl}${request.path}?${request.params.toString()}`)));
    if (at !== undefined && context.now() - at > context.options.linkSeconds * 1000) {
      return refuse(410, 'not-found', 'This page of results has expired; run the search again');
    }
    const answer = await next(request);
    return mapNextLink(answer, (link) => (issued.set(keyOf(new URL(link)), context.now()), link));
  },
};
