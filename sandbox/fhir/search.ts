/**
 * Matching and ordering on top of medplum's matcher (`matchesSearchRequest`). Medplum's
 * MemoryRepository.search deep-clones every match and re-evaluates FHIRPath inside the sort
 * comparator; on a 13,000-Observation record that is seconds per page. Here medplum still decides
 * each match, sort keys are computed once, and only the returned page is cloned (paging.ts).
 */
import type { Resource } from '@medplum/fhirtypes';
import type { Filter, SearchRequest, SortRule } from '@medplum/core';
import { Operator, convertToSearchableDates, evalFhirPathTyped, matchesSearchRequest, toTypedValue } from '@medplum/core';
import { patientCompartmentParams, searchParameter } from './definitions';

/** True if the resource is in Patient/`patientId`'s compartment, per the R4 CompartmentDefinition. */
export function inPatientCompartment(resource: Resource, patientId: string): boolean {
  if (resource.resourceType === 'Patient') return resource.id === patientId;
  const params = patientCompartmentParams(resource.resourceType);
  if (!params) return true;
  const value = `Patient/${patientId}`;
  return params.some((code) => searchParameter(resource.resourceType, code) !== undefined
    && matchesSearchRequest(resource, { resourceType: resource.resourceType, filters: [{ code, operator: Operator.EQUALS, value }] }));
}

type Key = number | string | undefined;

function sortKey(resource: Resource, rule: SortRule): Key {
  const param = searchParameter(resource.resourceType, rule.code);
  if (!param?.expression) return undefined;
  const values = evalFhirPathTyped(param.expression, [toTypedValue(resource)]);
  if (values.length === 0) return undefined;
  if (param.type === 'date') {
    const starts = convertToSearchableDates(values).map((p) => Date.parse(p.start ?? p.end ?? ''));
    const valid = starts.filter((n) => !Number.isNaN(n));
    return valid.length ? (rule.descending ? Math.max(...valid) : Math.min(...valid)) : undefined;
  }
  if (param.type === 'number') return Number(values[0]?.value);
  const first = values[0]?.value as unknown;
  if (typeof first === 'string') return first.toLowerCase();
  return JSON.stringify(first).toLowerCase();
}

/** The resources in the order the request asks for (a new list); those without a value sort last either way. */
export function sortResources<T extends Resource>(resources: T[], rules: readonly SortRule[] | undefined): T[] {
  if (!rules?.length) return resources;
  const keyed = resources.map((r, i) => ({ r, i, keys: rules.map((rule) => sortKey(r, rule)) }));
  keyed.sort((a, b) => {
    for (let k = 0; k < rules.length; k++) {
      const x = a.keys[k];
      const y = b.keys[k];
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      const order = x < y ? -1 : 1;
      return rules[k]?.descending ? -order : order;
    }
    return a.i - b.i;
  });
  return keyed.map((k) => k.r);
}

/** An instant to the second or finer, with its zone: at that precision gt/ge/lt/le compare plain times. */
const FULL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const COMPARE: Partial<Record<string, (time: number, at: number) => boolean>> = {
  [Operator.GREATER_THAN]: (time, at) => time > at,
  [Operator.GREATER_THAN_OR_EQUALS]: (time, at) => time >= at,
  [Operator.LESS_THAN]: (time, at) => time < at,
  [Operator.LESS_THAN_OR_EQUALS]: (time, at) => time <= at,
};

/**
 * `_lastUpdated` against a full instant, answered from `meta.lastUpdated` directly, as a real
 * server answers it from an index: a warm look-up asks it of every record of the patient (13,000
 * Observations for one), and medplum's FHIRPath matcher costs ~20 µs a resource. Any other form
 * of the filter (a date, `eq`, a modifier) is left to medplum.
 */
function lastUpdatedTest(filter: Filter): ((resource: Resource) => boolean) | undefined {
  const compare = COMPARE[filter.operator];
  if (filter.code !== '_lastUpdated' || !compare || !FULL_INSTANT.test(filter.value)) return undefined;
  const at = Date.parse(filter.value);
  return (resource) => {
    const time = Date.parse(resource.meta?.lastUpdated ?? '');
    return !Number.isNaN(time) && compare(time, at);
  };
}

/** The request's filters as one test, built once per search (the fast ones first). */
export function matcher(request: SearchRequest): (resource: Resource) => boolean {
  const fast: ((resource: Resource) => boolean)[] = [];
  const rest: Filter[] = [];
  for (const filter of request.filters ?? []) {
    const test = lastUpdatedTest(filter);
    if (test) fast.push(test);
    else rest.push(filter);
  }
  const remaining: SearchRequest = { ...request, filters: rest };
  return (resource) => fast.every((test) => test(resource)) && (rest.length === 0 || matchesSearchRequest(resource, remaining));
}
