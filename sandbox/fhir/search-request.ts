/**
 * Checks a parsed search against what this server can answer truthfully. Medplum's in-memory
 * matcher treats an unknown parameter as "matches nothing"; for a clinical panel an empty
 * allergy list that was really a typo is a hazard, so unknown or unsupported input is a 400.
 */
import type { Resource, SearchParameter } from '@medplum/fhirtypes';
import type { Filter, SearchRequest } from '@medplum/core';
import { DEFAULT_MAX_SEARCH_COUNT, DEFAULT_SEARCH_COUNT, Operator, OperationOutcomeError, badRequest } from '@medplum/core';
import { isResourceType, searchParameter } from './definitions';
import { isSupportedInclude } from './include';

/** Parameter types medplum's in-memory matcher evaluates; for others it silently matches nothing. */
const MATCHABLE = new Set<SearchParameter['type']>(['reference', 'string', 'uri', 'token', 'date']);
// The matcher would treat these as plain equality (or ignore them), so they would answer wrongly.
const UNSUPPORTED_MODIFIERS = new Set<string>([Operator.TEXT, Operator.IDENTIFIER, Operator.ABOVE, Operator.BELOW, Operator.IN, Operator.NOT_IN, Operator.OF_TYPE, Operator.ITERATE]);

const bad = (text: string): OperationOutcomeError => new OperationOutcomeError(badRequest(text));

/** Rewrites a reference value to the `Type/id` form the matcher compares against. */
function normaliseReference(param: SearchParameter, value: string, baseUrl: string): string {
  return value.split(',').map((v) => {
    const local = baseUrl && v.startsWith(`${baseUrl}/`) ? v.slice(baseUrl.length + 1) : v;
    if (local.includes('/')) return local;
    const targets = param.target ?? [];
    // A bare id is allowed when the parameter can only point at one type (FHIR R4 3.1.1.4.10);
    // `subject` with a bare id means the Patient in every request this panel makes.
    if (targets.length === 1) return `${targets[0]}/${local}`;
    if ((param.code === 'subject' || param.code === 'patient') && targets.includes('Patient')) return `Patient/${local}`;
    return local;
  }).join(',');
}

/** Checks a parsed request against what this server can answer truthfully; throws 400 if not. */
export function normaliseSearch<T extends Resource>(request: SearchRequest<T>, baseUrl: string): SearchRequest<T> {
  const { resourceType } = request;
  if (!isResourceType(resourceType)) throw bad(`Unknown resource type: ${resourceType}`);
  if (request.revInclude?.length) throw bad('_revinclude is not supported by this server');
  const unsupported = (request.include ?? []).find((i) => !isSupportedInclude(i));
  if (unsupported) throw bad(`_include=${unsupported.resourceType}:${unsupported.searchParam} is not supported by this server; see its CapabilityStatement`);
  const filters = (request.filters ?? []).map((filter): Filter => {
    if (filter.code === '_has' || filter.code.includes('.')) throw bad(`Chained search is not supported: ${filter.code}`);
    const param = searchParameter(resourceType, filter.code);
    if (!param) throw bad(`Unknown search parameter for ${resourceType}: ${filter.code}`);
    if (!MATCHABLE.has(param.type)) throw bad(`Search parameter ${filter.code} (${param.type}) is not supported by this server`);
    if (UNSUPPORTED_MODIFIERS.has(filter.operator)) throw bad(`Modifier :${filter.operator} is not supported by this server`);
    return param.type === 'reference' ? { ...filter, value: normaliseReference(param, filter.value, baseUrl) } : filter;
  });
  for (const rule of request.sortRules ?? []) {
    if (!searchParameter(resourceType, rule.code)) throw bad(`Unknown sort parameter for ${resourceType}: ${rule.code}`);
  }
  const count = request.count ?? DEFAULT_SEARCH_COUNT;
  const offset = request.offset ?? 0;
  if (!Number.isInteger(count) || count < 0) throw bad('_count must be a non-negative integer');
  if (!Number.isInteger(offset) || offset < 0) throw bad('_offset must be a non-negative integer');
  return { ...request, filters, count: Math.min(count, DEFAULT_MAX_SEARCH_COUNT), offset };
}

/** A single `Patient/x` the request must reference, if any: lets the index skip other patients. */
export function requiredPatient(request: SearchRequest): string | undefined {
  for (const f of request.filters ?? []) {
    if (f.operator === Operator.EQUALS && f.value.startsWith('Patient/') && !f.value.includes(',') && searchParameter(request.resourceType, f.code)?.type === 'reference') return f.value;
  }
  return undefined;
}

/** All Patient references a filter names (for refusing another patient's data). */
export function referencedPatients(request: SearchRequest): string[] {
  return (request.filters ?? [])
    .filter((f) => f.operator === Operator.EQUALS && searchParameter(request.resourceType, f.code)?.type === 'reference')
    .flatMap((f) => f.value.split(','))
    .filter((v) => v.startsWith('Patient/'));
}

