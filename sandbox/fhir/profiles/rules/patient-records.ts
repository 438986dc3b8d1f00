/**
 * A patient's own records, gathered from the engine for the Patient-level operations
 * (`$everything`, `$summary`): the Patient, every record of the clinical types fhirside knows
 * that names the patient (FHIR R4 CompartmentDefinition "patient", `patient` parameter), and the
 * Medications those records name by reference. Searched straight at the engine, so the same
 * access checks apply as to a plain search.
 */
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { Next, ProfileRequest } from '../exchange';

/** The Patient-compartment types gathered, in the order an answer lists them. */
export const COMPARTMENT_TYPES = [
  'AllergyIntolerance', 'Condition', 'MedicationRequest', 'MedicationStatement', 'Flag', 'Consent', 'Observation',
  'DiagnosticReport', 'ImagingStudy', 'Procedure', 'Immunization', 'Encounter', 'CarePlan', 'CareTeam',
  'DocumentReference', 'DeviceUseStatement', 'FamilyMemberHistory',
] as const;

const PAGE = 1000;

export interface PatientRecords {
  readonly patient: Resource;
  /** Compartment records and their Medications, in type order then id order (stable across pages). */
  readonly records: readonly Resource[];
}

const byId = (a: Resource, b: Resource) => (a.id ?? '').localeCompare(b.id ?? '');

/** Every match of one engine search, page by page. */
async function searchAll(request: ProfileRequest, next: Next, type: string, params: Record<string, string>): Promise<Resource[]> {
  const found: Resource[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const answer = await next({ ...request, method: 'GET', path: `/${type}`, body: undefined, params: new URLSearchParams({ ...params, _count: String(PAGE), _offset: String(offset) }) });
    if (answer.status >= 300) return found;
    const entries = (answer.body as Bundle).entry ?? [];
    found.push(...entries.flatMap((e) => (e.resource ? [e.resource] : [])));
    if (entries.length < PAGE) return found;
  }
}

/**
 * @param patientId - the id in the operation's path
 * @returns undefined when the engine has no such Patient (or refuses it): the operation answers as its read did
 */
export async function gatherPatientRecords(request: ProfileRequest, next: Next, patientId: string): Promise<PatientRecords | { readonly refused: Awaited<ReturnType<Next>> }> {
  const read = await next({ ...request, method: 'GET', path: `/Patient/${patientId}`, body: undefined, params: new URLSearchParams() });
  if (read.status >= 300) return { refused: read };
  const lists = await Promise.all(COMPARTMENT_TYPES.map(async (type) => (await searchAll(request, next, type, { patient: patientId })).sort(byId)));
  const records = lists.flat();
  const named = new Set(records.flatMap((r) => {
    const ref = (r as { medicationReference?: { reference?: string } }).medicationReference?.reference;
    return ref?.startsWith('Medication/') ? [ref.slice('Medication/'.length)] : [];
  }));
  const medications = named.size > 0 ? await searchAll(request, next, 'Medication', { _id: [...named].join(',') }) : [];
  return { patient: read.body, records: [...records, ...medications.sort(byId)] };
}

/** The patient id of a `/Patient/<id>/$<operation>` path, if the path is that operation. */
export function operationPatient(request: ProfileRequest, operation: string): string | undefined {
  if (request.method !== 'GET' && request.method !== 'POST') return undefined;
  const match = new RegExp(`^/Patient/([A-Za-z0-9\\-.]{1,64})/\\$${operation}$`).exec(request.path);
  return match?.[1];
}
