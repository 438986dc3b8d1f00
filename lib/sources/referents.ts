/**
 * The resources a row needs that the patient's searches do not return: the Medication a
 * prescription names by reference, the Device a device use names. Where the server offered
 * `_include` they came with the search; whatever is still missing is read here, by id, in one
 * search per type (`Medication?_id=a,b,c`), and handed over in the same answer as the resources
 * that point at them, so a row is never built before its referent is there.
 */
import type { FhirGet } from './fhir-http';
import type { FhirResource } from '../fhir/resource';
import { searchAll } from './search';

/** The reference each resource type names its referent by, and the referent's type. */
const FOLLOWED: Readonly<Record<string, { readonly field: string; readonly type: string }>> = {
  MedicationRequest: { field: 'medicationReference', type: 'Medication' },
  MedicationStatement: { field: 'medicationReference', type: 'Medication' },
  DeviceUseStatement: { field: 'device', type: 'Device' },
};

/** Ids per search: keeps a GET URL well under the 2,000 or so characters every server accepts. */
const IDS_PER_SEARCH = 50;

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** `Type/id` of a reference on this source's base, or undefined (contained, another server, malformed). */
function localTarget(reference: unknown, type: string, baseUrl: string): string | undefined {
  const target = typeof reference === 'object' && reference !== null ? (reference as { reference?: unknown }).reference : undefined;
  if (typeof target !== 'string') return undefined;
  // Another server's resource is never fetched with this source's token.
  const local = target.startsWith(`${baseUrl}/`) ? target.slice(baseUrl.length + 1) : target;
  const [targetType, id, ...rest] = local.split('/');
  return targetType === type && id && ID.test(id) && (rest.length === 0 || rest[0] === '_history') ? id : undefined;
}

/** Ids of referents, by type, that `resources` name but do not hold. */
export function missingReferents(resources: readonly FhirResource[], baseUrl: string): Map<string, string[]> {
  const held = new Set(resources.map((r) => `${r.resourceType}/${r.id}`));
  const missing = new Map<string, Set<string>>();
  for (const resource of resources) {
    const followed = FOLLOWED[resource.resourceType];
    if (!followed) continue;
    const id = localTarget(resource[followed.field], followed.type, baseUrl);
    if (id && !held.has(`${followed.type}/${id}`)) (missing.get(followed.type) ?? missing.set(followed.type, new Set()).get(followed.type)!).add(id);
  }
  return new Map([...missing].map(([type, ids]) => [type, [...ids].sort()]));
}

/**
 * Reads the missing referents of `resources`; a failure is reported, never thrown, so the rows still
 * draw (by the reference's display, or "not named") and the section says what is missing.
 */
export async function fetchReferents(get: FhirGet, baseUrl: string, resources: readonly FhirResource[], signal: AbortSignal, maxPages: number): Promise<{ resources: FhirResource[]; problem?: string }> {
  const searches = [...missingReferents(resources, baseUrl)].flatMap(([type, ids]) =>
    Array.from({ length: Math.ceil(ids.length / IDS_PER_SEARCH) }, (_, i) => ({ type, ids: ids.slice(i * IDS_PER_SEARCH, (i + 1) * IDS_PER_SEARCH) })));
  try {
    const found = await Promise.all(searches.map(({ type, ids }) => searchAll(get, `${baseUrl}/${type}?_id=${ids.map(encodeURIComponent).join(',')}&_count=${ids.length}`, { signal, maxPages, baseUrl })));
    return { resources: found.flatMap((f) => f.resources) };
  } catch (error) {
    if (signal.aborted) throw error;
    const what = searches.some((s) => s.type === 'Medication') ? 'the medicines it names by reference' : 'the devices it names by reference';
    return { resources: [], problem: `${what} could not be loaded (${error instanceof Error ? error.message : 'no answer'})` };
  }
}

/** A query's answer with its missing referents read and added, and any failure to read them said. */
export async function withReferents<T extends { readonly resources: readonly FhirResource[]; readonly problem?: string }>(get: FhirGet, baseUrl: string, result: T, signal: AbortSignal, maxPages: number): Promise<T> {
  if (missingReferents(result.resources, baseUrl).size === 0) return result;
  const more = await fetchReferents(get, baseUrl, result.resources, signal, maxPages);
  const problem = result.problem ?? more.problem;
  return { ...result, resources: [...result.resources, ...more.resources], ...(problem ? { problem } : {}) };
}
