/**
 * Tests that are the same test under different codes (LOINC at one source, SNOMED CT at another),
 * with a short name for a 400 px panel. Grouping puts every HbA1c on one trend line; units are
 * still never converted (see merge-results.ts).
 */

const LOINC = 'http://loinc.org|';
const SCT = 'http://snomed.info/sct|';

interface CodeGroup {
  readonly id: string;
  readonly name: string;
  readonly codes: readonly string[];
}

const GROUPS: readonly CodeGroup[] = [
  { id: 'hba1c', name: 'HbA1c', codes: [`${LOINC}4548-4`, `${LOINC}17856-6`, `${LOINC}59261-8`, `${SCT}999791000000106`, `${SCT}1019431000000105`] },
  { id: 'egfr', name: 'eGFR', codes: [`${LOINC}62238-1`, `${LOINC}33914-3`, `${LOINC}69405-9`, `${LOINC}98979-8`, `${SCT}1011481000000105`] },
  { id: 'creatinine', name: 'Creatinine', codes: [`${LOINC}14682-9`, `${LOINC}2160-0`, `${SCT}1000731000000107`] },
  { id: 'sodium', name: 'Sodium', codes: [`${LOINC}2951-2`, `${SCT}1000661000000107`] },
  { id: 'potassium', name: 'Potassium', codes: [`${LOINC}2823-3`, `${SCT}1000651000000109`] },
  { id: 'urea', name: 'Urea', codes: [`${LOINC}22664-7`, `${LOINC}3091-6`] },
  { id: 'hb', name: 'Haemoglobin', codes: [`${LOINC}718-7`, `${SCT}1022431000000105`] },
  { id: 'wbc', name: 'White cell count', codes: [`${LOINC}6690-2`, `${SCT}1022541000000102`] },
  { id: 'neutrophils', name: 'Neutrophils', codes: [`${LOINC}751-8`, `${SCT}1022551000000104`] },
  { id: 'platelets', name: 'Platelets', codes: [`${LOINC}777-3`, `${SCT}1022651000000100`] },
  { id: 'crp', name: 'CRP', codes: [`${LOINC}1988-5`, `${SCT}1001371000000100`] },
  { id: 'alt', name: 'ALT', codes: [`${LOINC}1742-6`] },
  { id: 'albumin', name: 'Albumin', codes: [`${LOINC}1751-7`] },
  { id: 'cholesterol', name: 'Cholesterol', codes: [`${LOINC}14647-2`, `${LOINC}2093-3`] },
  { id: 'tsh', name: 'TSH', codes: [`${LOINC}3016-3`, `${SCT}1022791000000101`] },
  { id: 'lithium', name: 'Lithium level', codes: [`${LOINC}14334-7`, `${LOINC}3719-6`] },
  { id: 'clozapine', name: 'Clozapine level', codes: [`${LOINC}6896-5`] },
  { id: 'norclozapine', name: 'Norclozapine level', codes: [`${LOINC}10992-6`] },
  { id: 'ca153', name: 'CA 15-3', codes: [`${LOINC}6875-9`] },
  { id: 'cea', name: 'CEA', codes: [`${LOINC}2039-6`] },
  { id: 'ca125', name: 'CA 125', codes: [`${LOINC}10334-1`] },
  { id: 'psa', name: 'PSA', codes: [`${LOINC}2857-1`] },
  { id: 'ntprobnp', name: 'NT-proBNP', codes: [`${LOINC}33762-6`] },
  { id: 'ferritin', name: 'Ferritin', codes: [`${LOINC}2276-4`] },
  { id: 'heart-rate', name: 'Heart rate', codes: [`${LOINC}8867-4`] },
  { id: 'resp-rate', name: 'Respiratory rate', codes: [`${LOINC}9279-1`] },
  { id: 'temperature', name: 'Temperature', codes: [`${LOINC}8310-5`] },
  { id: 'spo2', name: 'Oxygen saturation', codes: [`${LOINC}59408-5`, `${LOINC}2708-6`] },
  { id: 'weight', name: 'Weight', codes: [`${LOINC}29463-7`] },
  { id: 'height', name: 'Height', codes: [`${LOINC}8302-2`] },
  { id: 'bmi', name: 'BMI', codes: [`${LOINC}39156-5`] },
  { id: 'head', name: 'Head circumference', codes: [`${LOINC}9843-4`] },
  { id: 'bp', name: 'Blood pressure', codes: [`${LOINC}85354-9`, `${LOINC}55284-4`] },
  { id: 'smoking', name: 'Smoking status', codes: [`${LOINC}72166-2`] },
  { id: 'phq9', name: 'PHQ-9 score', codes: [`${LOINC}44261-6`] },
  { id: 'gad7', name: 'GAD-7 score', codes: [`${LOINC}70274-6`] },
  { id: 'lvef', name: 'LV ejection fraction', codes: [`${LOINC}10230-1`] },
  { id: 'fev1fvc', name: 'FEV1/FVC', codes: [`${LOINC}19926-5`] },
  { id: 'ct', name: 'T category (clinical)', codes: [`${LOINC}21905-5`] },
  { id: 'cn', name: 'N category (clinical)', codes: [`${LOINC}21906-3`] },
  { id: 'cm', name: 'M category (clinical)', codes: [`${LOINC}21907-1`] },
  { id: 'cstage', name: 'Stage group (clinical)', codes: [`${LOINC}21908-9`] },
  { id: 'pt', name: 'T category (pathological)', codes: [`${LOINC}21899-0`] },
  { id: 'pn', name: 'N category (pathological)', codes: [`${LOINC}21900-6`] },
  { id: 'pm', name: 'M category (pathological)', codes: [`${LOINC}21901-4`] },
  { id: 'pstage', name: 'Stage group (pathological)', codes: [`${LOINC}21902-2`] },
];

const BY_CODE = new Map<string, CodeGroup>(GROUPS.flatMap((g) => g.codes.map((c) => [c, g] as const)));

/** The group a test's codes fall in, if any. */
export function codeGroupOf(codes: readonly string[]): { id: string; name: string } | undefined {
  for (const code of codes) {
    const group = BY_CODE.get(code);
    if (group) return group;
  }
  return undefined;
}

/** True when the codes include one of `ids`' group codes. */
export function inGroup(codes: readonly string[], ids: readonly string[]): boolean {
  const group = codeGroupOf(codes);
  return group !== undefined && ids.includes(group.id);
}
