/**
 * Asking each source the way it answers. fhirside's queries follow the FHIR spec; real servers
 * narrow it: some list `subject` but not `patient` for a type, some refuse `_sort`, some (Epic)
 * answer Observation and CarePlan searches only by category. The CapabilityStatement says some of
 * this up front; the rest shows as a 400 to a well-formed search, and is remembered per source.
 */
import type { Capabilities } from './capabilities';
import type { PatientQuery } from './queries';

/**
 * The categories asked for one by one when a server requires a category. FHIR R4 observation-category
 * (http://terminology.hl7.org/CodeSystem/observation-category, all nine codes) and care-plan-category
 * (US Core `assess-plan`, the one code R4 defines). A record in no category, or in a local one,
 * cannot be asked for this way: the panel says so.
 */
export const CATEGORY_SPLITS: Readonly<Record<string, readonly string[]>> = {
  Observation: ['laboratory', 'vital-signs', 'social-history', 'imaging', 'exam', 'survey', 'procedure', 'therapy', 'activity'],
  CarePlan: ['assess-plan'],
};

/** Learned: the source refuses `_sort` or `_include` (it answered a search with them 400, and without them 200). */
export const NO_SORT = 'no-sort';
/** Learned: the source ignores `_lastUpdated` (it sent records older than asked for). */
export const IGNORES_LAST_UPDATED = 'ignores-lastUpdated';
/** Learned: the source searches this type only by category. */
export const byCategory = (resourceType: string) => `by-category:${resourceType}`;

/** The query with its parameters changed by `change`. */
export function withParams(query: PatientQuery, change: (params: URLSearchParams) => void): PatientQuery {
  const [path = '', search = ''] = query.url.split('?');
  const params = new URLSearchParams(search);
  change(params);
  return { ...query, url: `${path}?${params.toString()}` };
}

/** The query with `patient=<id>` asked as `subject=Patient/<id>` where the statement offers only that. */
export function adaptToStatement(query: PatientQuery, capabilities: Capabilities): PatientQuery {
  const params = capabilities.searchParams[query.resourceType];
  if (!params || params.includes('patient') || !params.includes('subject')) return query;
  return withParams(query, (p) => {
    const id = p.get('patient');
    if (id === null) return;
    p.delete('patient');
    p.set('subject', `Patient/${id}`);
  });
}

/**
 * The query without the parameters it can do without: `_sort` (fhirside orders results anyway) and
 * `_include` (the Medications and Devices it names are then read by id, sources/referents.ts). A
 * server that refuses either (400) answers the plain search.
 */
export const withoutSort = (query: PatientQuery): PatientQuery =>
  withParams(query, (p) => {
    p.delete('_sort');
    p.delete('_include');
  });

/** True if the query carries `_sort` or `_include`. */
export const sorts = (query: PatientQuery): boolean => /[?&](_sort|_include)=/.test(query.url);

/** One query per category, for a source that searches this type only by category. */
export function splitByCategory(query: PatientQuery): PatientQuery[] {
  return (CATEGORY_SPLITS[query.resourceType] ?? []).map((code) => withParams(query, (p) => p.set('category', code)));
}

/** The words for what a category-only source cannot give. */
export function categoryNote(resourceType: string): string {
  const asked = (CATEGORY_SPLITS[resourceType] ?? []).join(', ');
  return `this source gives ${resourceType} records only by category; fhirside asked for ${asked}, so any in another category or in none are not shown`;
}
