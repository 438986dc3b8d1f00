/**
 * A MedicationRequest or MedicationStatement that names its medicine by a reference to a contained
 * Medication (`medicationReference: {reference: "#med"}`, FHIR R4 §2.36 "contained resources")
 * reads as one that names it directly: the contained Medication's `code` becomes the resource's
 * `medicationCodeableConcept`, so the medicine's name is shown and matched whichever shape the
 * server chose. Anything else is returned unchanged.
 */
import type { FhirResource } from './fhir-types';

const MEDICATION_USES = new Set(['MedicationRequest', 'MedicationStatement', 'MedicationAdministration', 'MedicationDispense']);

/** @param resource - a resource as received (untrusted) */
export function inlineContainedMedication(resource: FhirResource): FhirResource {
  if (!MEDICATION_USES.has(resource.resourceType) || resource['medicationCodeableConcept'] !== undefined) return resource;
  const reference = (resource['medicationReference'] as { reference?: unknown } | undefined)?.reference;
  if (typeof reference !== 'string' || !reference.startsWith('#') || !Array.isArray(resource['contained'])) return resource;
  const medication = (resource['contained'] as unknown[]).find(
    (c): c is FhirResource => typeof c === 'object' && c !== null && (c as FhirResource).resourceType === 'Medication' && (c as FhirResource).id === reference.slice(1),
  );
  const code = medication?.['code'];
  return typeof code === 'object' && code !== null ? { ...resource, medicationCodeableConcept: code } : resource;
}
