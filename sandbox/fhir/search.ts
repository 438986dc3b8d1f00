/**
 * Matching and ordering on top of medplum's matcher (`matchesSearchRequest`). Medplum's
 * MemoryRepository.search deep-clones every match and re-evaluates FHIRPath inside the sort
 * comparator; on a 13,000-Observation record that is seconds per page. Here medplum still decides
 * each match, sort keys are computed once, and only the returned page is cloned (paging.ts).
 */
import type { Period, Resource } from '@medplum/fhirtypes';
import type { Filter, SearchRequest, SortRule } from '@medplum/core';
import { Operator, convertToSearchableDates, evalFhirPathTyped, matchesSearchRequest, toPeriod, toTypedValue } from '@medplum/core';
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

/**
 * What a real server keeps in its search indexes: each resource's values of a date parameter and
 * its sort keys, worked out once per resource rather than by FHIRPath on every search (a search by
 * date window over a 13,000-Observation record otherwise costs a quarter of a second of matching).
 * Stored resources are replaced, never changed in place, so a resource's entry stays true.
 */
const indexed = new WeakMap<Resource, Map<string, unknown>>();

function remembered<T>(resource: Resource, key: string, work: () => T): T {
  const entries = indexed.get(resource) ?? indexed.set(resource, new Map()).get(resource)!;
  if (entries.has(key)) return entries.get(key) as T;
  const value = work();
  entries.set(key, value);
  return value;
}

function sortKey(resource: Resource, rule: SortRule): Key {
  return remembered(resource, `sort ${rule.code} ${rule.descending ? 'desc' : 'asc'}`, () => computeSortKey(resource, rule));
}

/** The resource's values of a date search parameter, as medplum's matcher reads them. */
function datesOf(resource: Resource, code: string): Period[] {
  return remembered(resource, `date ${code}`, () => {
    const expression = searchParameter(resource.resourceType, code)?.expression;
    return expression ? convertToSearchableDates(evalFhirPathTyped(expression, [toTypedValue(resource)])) : [];
  });
}

function computeSortKey(resource: Resource, rule: SortRule): Key {
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

/**
 * Medplum's comparisons of a resource's date range with a search value's (its match.ts, which
 * follows the R4 search page's date prefixes: a range matches where it reaches beyond the value):
 * the same string comparisons of normalised instants, on values read once per resource.
 */
const DATE_COMPARE: Partial<Record<string, (resource: Period, value: Period) => boolean>> = {
  [Operator.GREATER_THAN_OR_EQUALS]: (r, v) => (r.end ?? '9999') >= (v.start ?? ''),
  [Operator.GREATER_THAN]: (r, v) => (r.end ?? '9999') > (v.end ?? ''),
  [Operator.LESS_THAN]: (r, v) => (r.start ?? '0000') < (v.start ?? ''),
  [Operator.LESS_THAN_OR_EQUALS]: (r, v) => (r.start ?? '0000') <= (v.end ?? ''),
};

/** A date parameter with a prefix against one value (a window's bound), from the resource's indexed dates. */
function dateTest(resourceType: string, filter: Filter): ((resource: Resource) => boolean) | undefined {
  const compare = DATE_COMPARE[filter.operator];
  if (!compare || filter.value.includes(',') || searchParameter(resourceType, filter.code)?.type !== 'date') return undefined;
  const value = toPeriod(filter.value);
  if (!value) return undefined;
  return (resource) => datesOf(resource, filter.code).some((dates) => compare(dates, value));
}

/** The request's filters as one test, built once per search (the fast ones first). */
export function matcher(request: SearchRequest): (resource: Resource) => boolean {
  const fast: ((resource: Resource) => boolean)[] = [];
  const rest: Filter[] = [];
  for (const filter of request.filters ?? []) {
    const test = lastUpdatedTest(filter) ?? dateTest(request.resourceType, filter);
    if (test) fast.push(test);
    else rest.push(filter);
  }
  // Medplum decides every other filter, once per resource and filter (matchesSearchRequest is every
  // filter's test in turn): a record asked again with one filter changed (a date window, a page of a
  // new search) is not matched by FHIRPath all over again.
  const remembering = rest.map((filter) => {
    const one: SearchRequest = { resourceType: request.resourceType, filters: [filter] };
    const key = `filter ${JSON.stringify(filter)}`;
    return (resource: Resource) => remembered(resource, key, () => matchesSearchRequest(resource, one));
  });
  return (resource) => resource.resourceType === request.resourceType && fast.every((test) => test(resource)) && remembering.every((test) => test(resource));
}
