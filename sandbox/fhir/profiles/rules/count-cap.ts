/**
 * `_count` silently capped per resource type: the client asks for 1,000 and gets pages of the
 * server's maximum, each with a `next` link. In the manner of Oracle Health Millennium (a maximum
 * page size per resource, e.g. 100, 200 for Observation) and Epic on FHIR; the Microsoft FHIR
 * server caps at 1,000.
 */
import { withParams, typeOf, type Rule } from '../exchange';

/** @param caps - the largest page per type, with `default` for the rest */
export function countCap(caps: Readonly<Record<string, number>> & { readonly default: number }): Rule {
  return {
    handle: (request, _context, next) => {
      const cap = caps[typeOf(request) ?? ''] ?? caps.default;
      const asked = Number(request.params.get('_count') ?? cap);
      if (asked <= cap) return next(request);
      const params = new URLSearchParams(request.params);
      params.set('_count', String(cap));
      return next(withParams(request, params));
    },
  };
}
