/**
 * Search-result parameters a server may not implement. Both manners are in the wild:
 * - ignored: the parameter is dropped and the search runs without it (in the manner of Epic on
 *   FHIR, which ignores parameters it does not support, and of the Microsoft FHIR server's default
 *   `Prefer: handling=lenient`), so a client that trusts `_lastUpdated` would take every record for
 *   a change and `_summary=count` brings back a page of records;
 * - rejected: 400 with an OperationOutcome naming the parameter (in the manner of the Microsoft
 *   FHIR server with `Prefer: handling=strict`, and of Oracle Health Millennium's unknown-parameter
 *   errors).
 * `_summary` other than `count` is left alone (the engine answers it).
 */
import type { CapabilityStatement } from '@medplum/fhirtypes';
import { refuse, withParams, type ProfileRequest, type Rule } from '../exchange';

export const UNSUPPORTED_PARAMS = ['_lastUpdated', '_sort', '_include', '_revinclude', '_elements', '_summary'] as const;

function unsupportedIn(request: ProfileRequest): string[] {
  return UNSUPPORTED_PARAMS.filter((name) => request.params.has(name) && (name !== '_summary' || request.params.get(name) === 'count'));
}

/** The statement no longer lists `_lastUpdated` as a search parameter of any type. */
function withoutLastUpdated(statement: CapabilityStatement): CapabilityStatement {
  const rest = (statement.rest ?? []).map((r) => ({
    ...r,
    resource: (r.resource ?? []).map((res) => ({ ...res, searchParam: (res.searchParam ?? []).filter((p) => p.name !== '_lastUpdated') })),
  }));
  return { ...statement, rest };
}

export const ignoreUnsupported: Rule = {
  handle: (request, _context, next) => {
    const unsupported = unsupportedIn(request);
    if (unsupported.length === 0) return next(request);
    const params = new URLSearchParams(request.params);
    for (const name of unsupported) params.delete(name);
    return next(withParams(request, params));
  },
  // A lenient server still lists what it ignores: the client must not take the statement's word for it.
};

export const rejectUnsupported: Rule = {
  handle: (request, _context, next) => {
    const unsupported = unsupportedIn(request);
    if (unsupported.length === 0) return next(request);
    return Promise.resolve(refuse(400, 'not-supported', `Search parameter ${unsupported.join(', ')} is not supported by this server`));
  },
  capabilities: withoutLastUpdated,
};
