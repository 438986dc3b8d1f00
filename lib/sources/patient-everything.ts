/**
 * Reading a patient's record through `Patient/$everything` (FHIR R4 Patient-everything), where the
 * source offers it (lib/sources/capabilities.ts `patientOperations`): a paged searchset. HAPI FHIR
 * repeats the Patient at the top of every page and offset paging can send a record twice, so pages
 * are read with the search walker, which keeps each resource once and follows next links only on
 * the source's own base.
 */
import type { FhirGet } from './fhir-http';
import { isExpectedPatient, OtherPatientError, type ExpectedPatient, type OperationRecord } from './expected-patient';
import { searchAll, type SearchOptions } from './search';

/** The page size asked of `$everything`: few pages to walk one after another; servers cap it. */
export const EVERYTHING_PAGE_SIZE = 1000;

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

