/**
 * The sections of an International Patient Summary (HL7 IPS IG 2.0.0, Composition profile
 * "Composition (IPS)"), each with its LOINC code and the records it lists. Allergies, problems and
 * medicines are required sections: when the patient has none, the section still stands, with an
 * empty reason, as the guide asks. A record entered in error (or a cancelled result) is no fact
 * and goes in no section; a resolved or inactive problem belongs to the past, not the problem list.
 */
import type { Resource } from '@medplum/fhirtypes';

export interface IpsSection {
  readonly title: string;
  /** LOINC code of the section. */
  readonly code: string;
  readonly display: string;
  readonly required: boolean;
  readonly holds: (resource: Resource) => boolean;
}

type Loose = Record<string, unknown> & { status?: string; category?: { coding?: { code?: string }[] }[] };
const loose = (r: Resource) => r as unknown as Loose;
const coded = (value: unknown) => ((value as { coding?: { code?: string }[] } | undefined)?.coding ?? []).map((c) => c.code);
const withdrawn = (r: Resource) => ['entered-in-error', 'cancelled'].includes(loose(r).status ?? '') || coded(loose(r)['verificationStatus']).includes('entered-in-error');
const inCategory = (r: Resource, category: string) => (loose(r).category ?? []).some((c) => (c.coding ?? []).some((k) => k.code === category));
const of = (...types: string[]) => (r: Resource) => types.includes(r.resourceType) && !withdrawn(r);

export const IPS_SECTIONS: readonly IpsSection[] = [
  { title: 'Allergies and Intolerances', code: '48765-2', display: 'Allergies and adverse reactions Document', required: true, holds: of('AllergyIntolerance') },
  {
    title: 'Problem List', code: '11450-4', display: 'Problem list - Reported', required: true,
    holds: (r) => of('Condition')(r) && !coded(loose(r)['clinicalStatus']).some((c) => c === 'resolved' || c === 'inactive'),
  },
  { title: 'Medication Summary', code: '10160-0', display: 'History of Medication use Narrative', required: true, holds: of('MedicationRequest', 'MedicationStatement') },
  { title: 'Immunizations', code: '11369-6', display: 'History of Immunization Narrative', required: false, holds: of('Immunization') },
  {
    title: 'Results', code: '30954-2', display: 'Relevant diagnostic tests/laboratory data Narrative', required: false,
    holds: (r) => of('DiagnosticReport')(r) || (of('Observation')(r) && !inCategory(r, 'vital-signs')),
  },
  { title: 'Vital Signs', code: '8716-3', display: 'Vital signs', required: false, holds: (r) => of('Observation')(r) && inCategory(r, 'vital-signs') },
  { title: 'History of Procedures', code: '47519-4', display: 'History of Procedures Document', required: false, holds: of('Procedure') },
  { title: 'Medical Devices', code: '46264-8', display: 'History of medical device use', required: false, holds: of('DeviceUseStatement') },
  { title: 'Plan of Care', code: '18776-5', display: 'Plan of care note', required: false, holds: of('CarePlan') },
  { title: 'Alerts', code: '104605-1', display: 'Alert', required: false, holds: (r) => of('Flag')(r) && loose(r).status === 'active' },
];
