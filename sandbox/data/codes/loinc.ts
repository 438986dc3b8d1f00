/**
 * Laboratory tests and vital signs with UK units (UCUM) and typical UK reference ranges.
 * `unit` is the UCUM code; `display` the unit as a UK lab report prints it.
 */
import type { Code } from './systems';
import { loinc } from './systems';

export interface Test {
  readonly code: Code;
  readonly unit: string;
  readonly unitDisplay?: string;
  readonly low?: number;
  readonly high?: number;
  readonly decimals: number;
  readonly category: 'laboratory' | 'vital-signs' | 'exam' | 'survey';
}

const lab = (code: string, display: string, unit: string, low: number | undefined, high: number | undefined, decimals: number, unitDisplay?: string): Test =>
  ({ code: loinc(code, display), unit, low, high, decimals, category: 'laboratory', unitDisplay });
const vital = (code: string, display: string, unit: string, decimals = 0, unitDisplay?: string): Test =>
  ({ code: loinc(code, display), unit, decimals, category: 'vital-signs', unitDisplay });

export const LAB = {
  sodium: lab('2951-2', 'Sodium [Moles/volume] in Serum or Plasma', 'mmol/L', 133, 146, 0),
  potassium: lab('2823-3', 'Potassium [Moles/volume] in Serum or Plasma', 'mmol/L', 3.5, 5.3, 1),
  urea: lab('22664-7', 'Urea [Moles/volume] in Serum or Plasma', 'mmol/L', 2.5, 7.8, 1),
  creatinine: lab('14682-9', 'Creatinine [Moles/volume] in Serum or Plasma', 'umol/L', 45, 110, 0),
  egfr: lab('62238-1', 'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)', 'mL/min/{1.73_m2}', 60, undefined, 0, 'mL/min/1.73m2'),
  hb: lab('718-7', 'Hemoglobin [Mass/volume] in Blood', 'g/L', 115, 165, 0),
  wbc: lab('6690-2', 'Leukocytes [#/volume] in Blood by Automated count', '10*9/L', 4.0, 11.0, 1, '10^9/L'),
  neutrophils: lab('751-8', 'Neutrophils [#/volume] in Blood by Automated count', '10*9/L', 2.0, 7.5, 1, '10^9/L'),
  platelets: lab('777-3', 'Platelets [#/volume] in Blood by Automated count', '10*9/L', 150, 400, 0, '10^9/L'),
  crp: lab('1988-5', 'C reactive protein [Mass/volume] in Serum or Plasma', 'mg/L', undefined, 5, 0),
  alt: lab('1742-6', 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma', 'U/L', undefined, 41, 0),
  albumin: lab('1751-7', 'Albumin [Mass/volume] in Serum or Plasma', 'g/L', 35, 50, 0),
  hba1c: lab('4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood', 'mmol/mol', 20, 41, 0),
  cholesterol: lab('14647-2', 'Cholesterol [Moles/volume] in Serum or Plasma', 'mmol/L', undefined, 5.0, 1),
  tsh: lab('3016-3', 'Thyrotropin [Units/volume] in Serum or Plasma', 'm[IU]/L', 0.27, 4.2, 2, 'mU/L'),
  lithium: lab('14334-7', 'Lithium [Moles/volume] in Serum or Plasma', 'mmol/L', 0.4, 1.0, 2),
  clozapine: lab('6896-5', 'Clozapine [Mass/volume] in Serum or Plasma', 'mg/L', 0.35, 0.6, 2),
  norclozapine: lab('10992-6', 'Norclozapine [Mass/volume] in Serum or Plasma', 'mg/L', undefined, undefined, 2),
  ca153: lab('6875-9', 'Cancer Ag 15-3 [Units/volume] in Serum or Plasma', 'kU/L', undefined, 30, 0),
  cea: lab('2039-6', 'Carcinoembryonic Ag [Mass/volume] in Serum or Plasma', 'ug/L', undefined, 5, 1),
  ntprobnp: lab('33762-6', 'Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma', 'ng/L', undefined, 400, 0),
  ferritin: lab('2276-4', 'Ferritin [Mass/volume] in Serum or Plasma', 'ug/L', 30, 400, 0),
} as const;

export const VITAL = {
  heartRate: vital('8867-4', 'Heart rate', '/min', 0, 'beats/min'),
  respiratoryRate: vital('9279-1', 'Respiratory rate', '/min', 0, 'breaths/min'),
  temperature: vital('8310-5', 'Body temperature', 'Cel', 1, '°C'),
  spo2: vital('59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry', '%', 0),
  weight: vital('29463-7', 'Body weight', 'kg', 1),
  height: vital('8302-2', 'Body height', 'cm', 1),
  bmi: vital('39156-5', 'Body mass index (BMI) [Ratio]', 'kg/m2', 1),
  headCircumference: vital('9843-4', 'Head Occipital-frontal circumference', 'cm', 1),
} as const;

/** Blood pressure is one Observation with two components, as vital-signs profiles require. */
export const BP = {
  panel: loinc('85354-9', 'Blood pressure panel with all children optional'),
  systolic: loinc('8480-6', 'Systolic blood pressure'),
  diastolic: loinc('8462-4', 'Diastolic blood pressure'),
} as const;

export const OTHER = {
  smokingStatus: loinc('72166-2', 'Tobacco smoking status'),
  fev1Fvc: { code: loinc('19926-5', 'FEV1/FVC'), unit: '%', decimals: 0, low: 70, category: 'exam' } as Test,
  tumourT: loinc('21905-5', 'Primary tumor.clinical [Class] Cancer'),
  tumourN: loinc('21906-3', 'Regional lymph nodes.clinical [Class] Cancer'),
  tumourM: loinc('21907-1', 'Distant metastases.clinical [Class] Cancer'),
  stageGroup: loinc('21908-9', 'Stage group.clinical Cancer'),
  pathT: loinc('21899-0', 'Primary tumor.pathology Cancer'),
  pathN: loinc('21900-6', 'Regional lymph nodes.pathology Cancer'),
  pathStage: loinc('21902-2', 'Stage group.pathology Cancer'),
  phq9: { code: loinc('44261-6', 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]'), unit: '{score}', unitDisplay: 'score', decimals: 0, high: 9, category: 'survey' } as Test,
  gad7: { code: loinc('70274-6', 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]'), unit: '{score}', unitDisplay: 'score', decimals: 0, high: 9, category: 'survey' } as Test,
  ejectionFraction: { code: loinc('10230-1', 'Left ventricular Ejection fraction'), unit: '%', decimals: 0, low: 55, category: 'exam' } as Test,
} as const;

/** Report (panel) codes. */
export const PANEL = {
  renal: loinc('24362-6', 'Renal function 2000 panel - Serum or Plasma'),
  fbc: loinc('58410-2', 'CBC panel - Blood by Automated count'),
  liver: loinc('24325-3', 'Hepatic function 2000 panel - Serum or Plasma'),
  carePlanNote: loinc('18776-5', 'Plan of care note'),
  imaging: loinc('18748-4', 'Diagnostic imaging study'),
  pathology: loinc('11526-1', 'Pathology study'),
  echo: loinc('34552-0', 'Cardiac 2D echo panel'),
} as const;
