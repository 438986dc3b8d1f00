import type { FhirResource } from '../sources/fhir-types';
import { bannerFromPatient } from './banner';
import type { SectionId, SourceSummary, SummaryRow } from './model';
import { allergyRow, conditionRow, medicationRow } from './rows';

export interface SourceResources {
  readonly sourceId: string;
  readonly patientKey: string;
  readonly patient: FhirResource;
  readonly resources: readonly FhirResource[];
  readonly incomplete?: Partial<Record<SectionId, string>>;
}

/**
 * Builds one source's summary. Resources that reference a different patient than the resolved
 * one are dropped here: a server bug must not attach another person's allergy to this banner.
 */
export function buildSourceSummary(input: SourceResources): SourceSummary {
  const ctx = { sourceId: input.sourceId, patientKey: input.patientKey };
  const ownReference = `Patient/${input.patient.id}`;
  const own = input.resources.filter((r) => belongsTo(r, ownReference));
  const rows = (type: string[], build: (r: FhirResource, c: typeof ctx) => SummaryRow) =>
    own.filter((r) => type.includes(r.resourceType)).map((r) => build(r, ctx));
  return {
    sourceId: input.sourceId,
    patientKey: input.patientKey,
    banner: bannerFromPatient(input.patient, input.patientKey),
    sections: {
      allergies: rows(['AllergyIntolerance'], allergyRow),
      problems: rows(['Condition'], conditionRow),
      medications: rows(['MedicationRequest', 'MedicationStatement'], medicationRow),
    },
    incomplete: input.incomplete ?? {},
  };
}

function belongsTo(resource: FhirResource, patientReference: string): boolean {
  const subject = (resource['patient'] ?? resource['subject']) as { reference?: unknown } | undefined;
  const reference = typeof subject?.reference === 'string' ? subject.reference : undefined;
  // Relative or absolute references both end with Patient/<id>.
  return reference === patientReference || (reference?.endsWith(`/${patientReference}`) ?? false);
}
