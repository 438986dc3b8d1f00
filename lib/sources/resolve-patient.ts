import type { PatientContext } from '../context/patient-context';
import type { FhirGet } from './fhir-http';
import type { FhirResource } from '../fhir/resource';
import { searchAll } from './search';

export type PatientMatch =
  | { readonly kind: 'found'; readonly patient: FhirResource & { readonly id: string } }
  | { readonly kind: 'not-known' }
  /** Safety rule: two records for one NHS number in one source means that source is not trusted for this patient. */
  | { readonly kind: 'ambiguous'; readonly count: number }
  | { readonly kind: 'mismatch'; readonly reason: string };

/**
 * Finds the one Patient a source holds for the page's identifier, cross-checked against the
 * page's date of birth when both are known.
 * @param baseUrl - the source's FHIR base, without a trailing slash
 */
export async function resolvePatient(get: FhirGet, baseUrl: string, context: PatientContext, signal: AbortSignal): Promise<PatientMatch> {
  const { system, value } = context.identifier;
  const { resources } = await searchAll(get, patientSearchUrl(baseUrl, context), { signal, maxPages: 2, baseUrl });
  // One record met twice (a server repeating a page) is still one record; two ids are two records.
  const patients = distinctById(resources.filter((r) => r.resourceType === 'Patient'));
  if (patients.length === 0) return { kind: 'not-known' };
  if (patients.length > 1) return { kind: 'ambiguous', count: patients.length };
  const patient = patients[0]!;
  if (typeof patient.id !== 'string' || patient.id === '') return { kind: 'mismatch', reason: 'the source returned a patient record without an id' };
  // A server that ignores the identifier parameter returns some other patient: check what we got.
  if (!carriesIdentifier(patient, system, value)) {
    return { kind: 'mismatch', reason: 'the record the source returned does not carry this NHS number' };
  }
  const birthDate = typeof patient['birthDate'] === 'string' ? patient['birthDate'] : undefined;
  if (context.birthDate && birthDate && context.birthDate !== birthDate) {
    return { kind: 'mismatch', reason: `its date of birth (${birthDate}) differs from the page's (${context.birthDate})` };
  }
  return { kind: 'found', patient: patient as FhirResource & { id: string } };
}

/** The search resolvePatient sends (so a batch can ask it ahead). */
export function patientSearchUrl(baseUrl: string, context: PatientContext): string {
  const { system, value } = context.identifier;
  return `${baseUrl}/Patient?identifier=${encodeURIComponent(`${system}|${value}`)}&_count=10`;
}

function distinctById(patients: readonly FhirResource[]): FhirResource[] {
  const byId = new Map<unknown, FhirResource>();
  patients.forEach((patient, i) => byId.set(typeof patient.id === 'string' && patient.id !== '' ? patient.id : i, patient));
  return [...byId.values()];
}

function carriesIdentifier(patient: FhirResource, system: string, value: string): boolean {
  const identifiers = Array.isArray(patient['identifier']) ? (patient['identifier'] as unknown[]) : [];
  return identifiers.some((id) => {
    const candidate = id as { system?: unknown; value?: unknown } | null;
    return candidate?.system === system && typeof candidate.value === 'string' && candidate.value.replace(/\s/g, '') === value;
  });
}
