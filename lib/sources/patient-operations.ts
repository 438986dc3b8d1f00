/**
 * Reading a patient's record through the Patient-level operations a source may offer
 * (lib/sources/capabilities.ts `patientOperations`), as an alternative to one search per type:
 * - `Patient/$everything` (FHIR R4 Patient-everything): a paged searchset. HAPI FHIR repeats the
 *   Patient at the top of every page and offset paging can send a record twice, so pages are
 *   read with the search walker, which keeps each resource once and follows next links only on
 *   the source's own base;
 * - `Patient/$summary` (HL7 IPS IG, OperationDefinition "summary"): one IPS document Bundle,
 *   Composition first.
 * Both carry a Patient, which must be the patient asked for (wrong-patient rule): an answer about
 * anyone else contributes nothing.
 */
import type { FhirGet } from './fhir-http';
import { FhirRequestError } from './fhir-error';
import { searchAll, type SearchOptions } from './search';
import { isBundle, isResource, type FhirResource } from '../fhir/resource';

/** The patient the look-up resolved in this source: its id, and the identifiers it carries. */
export interface ExpectedPatient {
  readonly id: string;
  readonly identifier?: readonly { readonly system?: string; readonly value?: string }[];
}

export interface OperationRecord {
  /** The records, the patient's own Patient and an IPS Composition left out. */
  readonly resources: FhirResource[];
  /** Set when a paged answer was not read to its end, with the reason in words. */
  readonly truncated?: string;
}

/** The page size asked of `$everything`: few pages to walk one after another; servers cap it. */
export const EVERYTHING_PAGE_SIZE = 1000;

export class OtherPatientError extends FhirRequestError {
  constructor(url: string) {
    super('The source answered with records of another patient, so nothing from this answer is shown', undefined, url);
  }
}

const identifiersOf = (resource: FhirResource) =>
  (Array.isArray(resource['identifier']) ? (resource['identifier'] as unknown[]) : [])
    .filter((i): i is { system: string; value: string } => typeof (i as { system?: unknown })?.system === 'string' && typeof (i as { value?: unknown })?.value === 'string');

/**
 * Whether a Patient is the one asked for: the same id, or, where a server mints new ids for a
 * document's copy, an identifier (system and value) of the expected patient.
 */
export function isExpectedPatient(resource: FhirResource, expected: ExpectedPatient): boolean {
  if (resource.resourceType !== 'Patient') return false;
  if (resource.id === expected.id) return true;
  const wanted = new Set((expected.identifier ?? []).filter((i) => i.system && i.value).map((i) => `${i.system}|${i.value}`));
  return identifiersOf(resource).some((i) => wanted.has(`${i.system}|${i.value}`));
}

/**
 * Reads `Patient/<id>/$everything` to its last page: each resource once (the Patient repeated on
 * every page, a record sent twice by offset paging), the Patient checked and left out.
 * @param options - signal, page limit and the source's base (next links are followed only there)
 * @throws OtherPatientError when a Patient in the answer is not the one asked for
 */
export async function readEverything(get: FhirGet, baseUrl: string, expected: ExpectedPatient, options: SearchOptions): Promise<OperationRecord> {
  const url = `${baseUrl}/Patient/${encodeURIComponent(expected.id)}/$everything?_count=${EVERYTHING_PAGE_SIZE}`;
  const { resources, included = [], truncated } = await searchAll(get, url, { ...options, baseUrl: options.baseUrl ?? baseUrl });
  const all = [...resources, ...included];
  if (all.some((r) => r.resourceType === 'Patient' && !isExpectedPatient(r, expected))) throw new OtherPatientError(url);
  return { resources: all.filter((r) => r.resourceType !== 'Patient'), ...(truncated ? { truncated } : {}) };
}

const referenceOf = (value: unknown): string | undefined => {
  const reference = (value as { reference?: unknown } | undefined)?.reference;
  return typeof reference === 'string' ? reference : undefined;
};

/**
 * The records an IPS document carries for the expected patient. The Composition must come first
 * (FHIR R4 Bundle: a document's first entry is its Composition) and its subject must be the
 * expected Patient, found among the entries by fullUrl or by `Patient/<id>` at the end of the
 * reference; a record whose subject or patient is another Patient is left out.
 * @param document - the `$summary` answer, untrusted JSON
 * @param url - where it came from, for the error
 * @throws OtherPatientError when the document is about another patient, FhirRequestError when it is no document
 */
export function summaryResources(document: unknown, expected: ExpectedPatient, url: string): FhirResource[] {
  if (!isBundle(document) || document['type'] !== 'document') throw new FhirRequestError('The source answered the patient summary with something other than a document', undefined, url);
  const entries = (Array.isArray(document.entry) ? document.entry : []).filter((e) => isResource(e?.resource));
  const composition = entries[0]?.resource;
  if (!composition || composition.resourceType !== 'Composition') throw new FhirRequestError('The source\'s patient summary does not start with its Composition', undefined, url);
  const byFullUrl = new Map(entries.flatMap((e) => (typeof (e as { fullUrl?: unknown }).fullUrl === 'string' ? [[(e as { fullUrl: string }).fullUrl, e.resource!] as const] : [])));
  /** The Patient a reference names: an entry's fullUrl, or `Patient/<id>` (relative or absolute). */
  const patientAt = (reference: string): FhirResource | string => {
    const entry = byFullUrl.get(reference);
    if (entry) return entry;
    return /(?:^|\/)Patient\/([^/]+)$/.exec(reference)?.[1] ?? reference;
  };
  const isExpected = (reference: string | undefined) => {
    if (reference === undefined) return false;
    const found = patientAt(reference);
    if (typeof found === 'string') return found === expected.id || entries.some((e) => e.resource!.resourceType === 'Patient' && e.resource!.id === found && isExpectedPatient(e.resource!, expected));
    return isExpectedPatient(found, expected);
  };
  if (!isExpected(referenceOf(composition['subject']))) throw new OtherPatientError(url);
  if (entries.some((e) => e.resource!.resourceType === 'Patient' && !isExpectedPatient(e.resource!, expected))) throw new OtherPatientError(url);
  return entries
    .map((e) => e.resource!)
    .slice(1)
    .filter((r) => r.resourceType !== 'Patient' && r.resourceType !== 'Composition')
    .filter((r) => {
      const named = referenceOf(r['subject']) ?? referenceOf(r['patient']);
      return named === undefined || isExpected(named);
    });
}

/**
 * Reads `Patient/<id>/$summary` into the records it carries.
 * @throws FhirRequestError as the request failed, or as summaryResources refuses the document
 */
export async function readSummary(get: FhirGet, baseUrl: string, expected: ExpectedPatient, signal: AbortSignal): Promise<OperationRecord> {
  const url = `${baseUrl}/Patient/${encodeURIComponent(expected.id)}/$summary`;
  return { resources: summaryResources(await get(url, signal), expected, url) };
}
