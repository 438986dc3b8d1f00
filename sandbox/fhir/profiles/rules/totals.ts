/**
 * `Bundle.total` as servers really send it:
 * - absent: in the manner of Oracle Health Millennium and of the Microsoft FHIR server unless
 *   `_total=accurate` is asked for, both of which leave it out to save a count;
 * - an estimate that changes from one request to the next: in the manner of servers that answer
 *   `_total=estimate` from index statistics (the Microsoft FHIR server, Google Cloud Healthcare).
 * A client that checks a count against the records it holds must not trust either.
 */
import type { Bundle } from '@medplum/fhirtypes';
import { isSearchset } from '../bundle-edits';
import type { Rule } from '../exchange';

export const noTotal: Rule = {
  handle: async (request, _context, next) => {
    const answer = await next(request);
    if (!isSearchset(answer.body)) return answer;
    const body: Bundle = { ...answer.body };
    delete body.total;
    return { ...answer, body };
  },
};

export const totalEstimate: Rule = {
  handle: async (request, context, next) => {
    const answer = await next(request);
    if (!isSearchset(answer.body) || typeof answer.body.total !== 'number') return answer;
    // Off by one to three either way, differently each time.
    const calls = Number(context.state.get('estimates') ?? 0) + 1;
    context.state.set('estimates', calls);
    const drift = (calls % 3) + 1;
    return { ...answer, body: { ...answer.body, total: Math.max(0, answer.body.total + (calls % 2 === 0 ? drift : -drift)) } };
  },
};
