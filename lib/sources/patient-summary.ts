/**
 * Reading a patient's record through `Patient/$summary` (HL7 IPS IG, OperationDefinition
 * "summary"), where the source offers it (lib/sources/capabilities.ts `patientOperations`): one IPS
 * document Bundle, Composition first, checked to be about the patient asked for.
 */
import type { FhirGet } from './fhir-http';
import { FhirRequestError } from './fhir-error';
import { isExpectedPatient, OtherPatientError, type ExpectedPatient, type OperationRecord } from './expected-patient';
import { isBundle, isResource, type FhirResource } from '../fhir/resource';

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
