/**
 * The cross-check for records asked for by the patient's identifier rather than by the id of the
 * Patient resolved (sources/first-round.ts). The server chose whose records they are; before any
 * is drawn, each must name the one Patient fhirside resolved and checked against the page. One that
 * names another Patient stops the source: never one patient's data beside another's.
 */
import type { FhirResource } from '../fhir/resource';

/** A record of another Patient came back for this patient's identifier: the source is not trusted. */
export class OtherPatientError extends Error {
  override readonly name = 'OtherPatientError';
}

/** The words the panel shows for a source stopped by the cross-check. */
export const OTHER_PATIENT_REASON = 'it answered a search for this NHS number with another patient’s records, so nothing from it is shown';

/** How a record's patient reference reads against the Patient resolved. */
export type PatientReference = 'this-patient' | 'another-patient' | 'unreadable';

/** The Patient id a reference names (`Patient/1`, `<base>/Patient/1`, `Patient/1/_history/2`), if it names one. */
function patientIdOf(reference: unknown, baseUrl: string): string | undefined {
  if (typeof reference !== 'string') return undefined;
  const local = reference.startsWith(`${baseUrl}/`) ? reference.slice(baseUrl.length + 1) : reference;
  const match = /^Patient\/([A-Za-z0-9\-.]{1,64})(\/_history\/[^/]+)?$/.exec(local);
  return match?.[1];
}

/**
 * Whose record this is, read from `patient` or `subject` (the reference each first-screen type
 * is searched by). A reference in another form (an identifier only, another server) is unreadable.
 * @param baseUrl - the source's FHIR base, for absolute references
 */
export function patientReference(resource: FhirResource, patientId: string, baseUrl: string): PatientReference {
  const refs = ['patient', 'subject']
    .map((field) => (resource[field] as { reference?: unknown } | undefined)?.reference)
    .filter((ref) => ref !== undefined);
  if (refs.length === 0) return 'unreadable';
  const ids = refs.map((ref) => patientIdOf(ref, baseUrl));
  if (ids.some((id) => id !== undefined && id !== patientId)) return 'another-patient';
  return ids.includes(patientId) ? 'this-patient' : 'unreadable';
}

/**
 * Checks every result asked for by identifier against the Patient resolved.
 * @returns true when each names that Patient; false when some cannot be read (ask again by id)
 * @throws OtherPatientError when any names another Patient
 */
export function allOfPatient(resources: readonly FhirResource[], patientId: string, baseUrl: string): boolean {
  let readable = true;
  for (const resource of resources) {
    const whose = patientReference(resource, patientId, baseUrl);
    if (whose === 'another-patient') throw new OtherPatientError(OTHER_PATIENT_REASON);
    if (whose === 'unreadable') readable = false;
  }
  return readable;
}
