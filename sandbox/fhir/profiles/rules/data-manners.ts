/**
 * How a server shapes the same clinical facts:
 * - `nka-placeholder`: a patient with no allergy recorded gets one AllergyIntolerance saying
 *   "No known allergy" (SNOMED CT 716186003), in the manner of Epic on FHIR, which returns such a
 *   placeholder instead of an empty search;
 * - `mask-entered-in-error`: a record entered in error keeps its status but its content is withheld
 *   and coded `data-absent-reason` = `masked` (FHIR R4 data-absent-reason, "masked: the information
 *   is not available due to security, privacy or related reasons"), in the manner of Oracle Health
 *   Millennium, which withholds retracted results;
 * - `contained-medications`: a MedicationRequest or MedicationStatement names its medicine by a
 *   reference to a contained Medication (FHIR R4 §2.36 contained resources) instead of
 *   `medicationCodeableConcept`, in the manner of servers that convert records from HL7 v2 and CDA
 *   (the Microsoft FHIR Converter's templates produce it).
 */
import type { AllergyIntolerance, Bundle, Resource } from '@medplum/fhirtypes';
import { isSearchset, mapResources, withEntries } from '../bundle-edits';
import { isSearch, typeOf, type Rule } from '../exchange';

const DATA_ABSENT = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';

export const nkaPlaceholder: Rule = {
  handle: async (request, context, next) => {
    const answer = await next(request);
    const patient = request.params.get('patient') ?? request.params.get('subject');
    if (typeOf(request) !== 'AllergyIntolerance' || !isSearch(request) || !patient || !isSearchset(answer.body) || (answer.body.entry ?? []).length > 0) return answer;
    if (Number(request.params.get('_offset') ?? 0) > 0) return answer;
    const id = `nka-${patient.replace(/^Patient\//, '')}`;
    const placeholder: AllergyIntolerance = {
      resourceType: 'AllergyIntolerance',
      id,
      meta: { lastUpdated: '2026-01-01T00:00:00Z' },
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }] },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '716186003', display: 'No known allergy' }], text: 'No Known Allergies' },
      patient: { reference: `Patient/${patient.replace(/^Patient\//, '')}` },
    };
    const withPlaceholder = withEntries(answer, () => [{ fullUrl: `${context.baseUrl}/AllergyIntolerance/${id}`, resource: placeholder, search: { mode: 'match' } }]);
    return { ...withPlaceholder, body: { ...(withPlaceholder.body as Bundle), total: 1 } };
  },
};

/** Clinical content withheld: only identity, status, subject and dates stay. */
function masked(resource: Resource): Resource {
  const record = resource as unknown as Record<string, unknown>;
  if (record['status'] !== 'entered-in-error' && (record['verificationStatus'] as { coding?: { code?: string }[] } | undefined)?.coding?.[0]?.code !== 'entered-in-error') return resource;
  const kept = ['resourceType', 'id', 'meta', 'status', 'verificationStatus', 'clinicalStatus', 'subject', 'patient', 'effectiveDateTime', 'recordedDate', 'authoredOn', 'category'];
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(record).filter(([key]) => kept.includes(key)));
  out['code'] = { extension: [{ url: DATA_ABSENT, valueCode: 'masked' }] };
  return out as unknown as Resource;
}

export const maskEnteredInError: Rule = {
  handle: async (request, _context, next) => mapResources(await next(request), masked),
};

function contained(resource: Resource): Resource {
  if (resource.resourceType !== 'MedicationRequest' && resource.resourceType !== 'MedicationStatement') return resource;
  const { medicationCodeableConcept: concept, ...rest } = resource as Resource & { medicationCodeableConcept?: unknown };
  if (!concept) return resource;
  const medication = { resourceType: 'Medication', id: 'med', code: concept };
  return { ...rest, contained: [...((rest as { contained?: Resource[] }).contained ?? []), medication], medicationReference: { reference: '#med' } } as unknown as Resource;
}

export const containedMedications: Rule = {
  handle: async (request, _context, next) => mapResources(await next(request), contained),
};
