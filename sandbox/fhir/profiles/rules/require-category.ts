/**
 * Observation searches must name a `category` or a `code`, and CarePlan searches a `category`,
 * else 400 with an OperationOutcome: in the manner of Epic on FHIR, which documents Observation
 * and CarePlan searches by category (laboratory, vital-signs, social-history, ...; longitudinal
 * or encounter care plans) and has no "every Observation" search.
 */
import { isSearch, refuse, typeOf, type Rule } from '../exchange';

/** Per type, the parameters of which at least one is required. */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  Observation: ['category', 'code'],
  CarePlan: ['category'],
};

export const requireCategory: Rule = {
  handle: (request, _context, next) => {
    const required = REQUIRED[typeOf(request) ?? ''];
    if (!required || !isSearch(request) || required.some((name) => request.params.has(name))) return next(request);
    return Promise.resolve(refuse(400, 'required', `A ${typeOf(request)} search requires the ${required.join(' or ')} parameter`));
  },
};
