/**
 * Each page after the first starts again with the last resource of the page before: the same id
 * on two pages, as offset paging over a live index gives when a record is added or re-indexed
 * between two page reads (seen with HAPI FHIR's offset paging and the Microsoft FHIR server on a
 * changing result set). A client that adds pages up counts that record twice.
 */
import { withParams, type Rule } from '../exchange';

export const repeatIds: Rule = {
  handle: (request, _context, next) => {
    const offset = Number(request.params.get('_offset') ?? 0);
    if (!(offset > 0)) return next(request);
    const params = new URLSearchParams(request.params);
    params.set('_offset', String(offset - 1));
    params.set('_count', String(Number(params.get('_count') ?? 20) + 1));
    return next(withParams(request, params));
  },
};
