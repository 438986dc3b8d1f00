/** The code systems fhirside reads by name; a code is matched as `system|code` throughout. */

export const SNOMED = 'http://snomed.info/sct';
export const LOINC = 'http://loinc.org';
/** HL7 v3 ObservationInterpretation, the R4 binding of Observation.interpretation. */
export const V3_INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
/** R4 condition-category (problem-list-item, encounter-diagnosis). */
export const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
/** R4 referencerange-meaning: normal, recommended, treatment, therapeutic… */
export const RANGE_MEANING = 'http://terminology.hl7.org/CodeSystem/referencerange-meaning';
/** IPS 1.x absent/unknown codes ("no known allergies", "no information about medications"). */
export const IPS_ABSENT_UNKNOWN = 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips';
export const DATA_ABSENT_REASON = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
/** R4 extension data-absent-reason: why an element (a record's code) has no value. */
export const DATA_ABSENT_REASON_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';

/** `system|code` for a SNOMED CT concept. */
export const snomed = (code: string) => `${SNOMED}|${code}`;
/** `system|code` for a LOINC code. */
export const loinc = (code: string) => `${LOINC}|${code}`;
