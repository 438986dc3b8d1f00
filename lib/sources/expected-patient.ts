/**
 * The patient an answer must be about. A Patient-level operation (`$everything`, `$summary`) carries
 * a Patient of its own, which must be the one the look-up resolved (wrong-patient rule): an answer
 * about anyone else contributes nothing.
 */
import { FhirRequestError } from './fhir-error';
import type { FhirResource } from '../fhir/resource';

/** The patient the look-up resolved in this source: its id, and the identifiers it carries. */
export interface ExpectedPatient {
  readonly id: string;
  readonly identifier?: readonly { readonly system?: string; readonly value?: string }[];
}

/** What a Patient-level operation's answer gives the look-up. */
export interface OperationRecord {
  /** The records, the patient's own Patient and an IPS Composition left out. */
  readonly resources: FhirResource[];
  /** Set when a paged answer was not read to its end, with the reason in words. */
  readonly truncated?: string;
}

/** An answer about another patient than the one asked for. */
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

