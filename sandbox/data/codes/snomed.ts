/** SNOMED CT concepts for problems, procedures, allergies and findings used by the stories. */
import { snomed } from './systems';

export const CONDITION = {
  breastCancer: snomed('254837009', 'Malignant neoplasm of breast'),
  colonCancer: snomed('363406005', 'Malignant tumor of colon'),
  liverSecondaries: snomed('94381002', 'Secondary malignant neoplasm of liver'),
  bipolar: snomed('13746004', 'Bipolar disorder'),
  schizophrenia: snomed('58214004', 'Schizophrenia'),
  depression: snomed('35489007', 'Depressive disorder'),
  anxiety: snomed('197480006', 'Anxiety disorder'),
  dementia: snomed('52448006', 'Dementia'),
  type2Diabetes: snomed('44054006', 'Diabetes mellitus type 2'),
  hypertension: snomed('38341003', 'Hypertensive disorder, systemic arterial'),
  hypercholesterolaemia: snomed('13644009', 'Hypercholesterolemia'),
  hypothyroidism: snomed('40930008', 'Hypothyroidism'),
  ckd3: snomed('433144002', 'Chronic kidney disease stage 3'),
  esrd: snomed('46177005', 'End-stage renal disease'),
  aki: snomed('14669001', 'Acute renal failure syndrome'),
  copd: snomed('13645005', 'Chronic obstructive lung disease'),
  heartFailure: snomed('84114007', 'Heart failure'),
  atrialFibrillation: snomed('49436004', 'Atrial fibrillation'),
  asthma: snomed('195967001', 'Asthma'),
  pneumonia: snomed('233604007', 'Pneumonia'),
  uti: snomed('68566005', 'Urinary tract infectious disease'),
  cellulitis: snomed('128045006', 'Cellulitis'),
  fracturedNeckOfFemur: snomed('5913000', 'Fracture of neck of femur'),
  osteoporosis: snomed('64859006', 'Osteoporosis'),
  ironDeficiencyAnaemia: snomed('87522002', 'Iron deficiency anemia'),
  gord: snomed('235595009', 'Gastroesophageal reflux disease'),
  eczema: snomed('43116000', 'Eczema'),
  otitisMedia: snomed('65363002', 'Otitis media'),
  febrileConvulsion: snomed('41497008', 'Febrile convulsion'),
  lowBackPain: snomed('279039007', 'Low back pain'),
} as const;

export const PROCEDURE = {
  chemotherapy: snomed('367336001', 'Chemotherapy'),
  radiotherapy: snomed('108290001', 'Radiation oncology AND/OR radiotherapy'),
  lumpectomy: snomed('392021009', 'Lumpectomy of breast'),
  sentinelNodeBiopsy: snomed('396487001', 'Sentinel lymph node biopsy'),
  colonoscopy: snomed('73761001', 'Colonoscopy'),
  rightHemicolectomy: snomed('359571009', 'Right hemicolectomy'),
  hipReplacement: snomed('52734007', 'Total replacement of hip'),
  haemodialysis: snomed('302497006', 'Hemodialysis'),
  echocardiography: snomed('40701008', 'Echocardiography'),
  spirometry: snomed('127783003', 'Spirometry'),
  appendicectomy: snomed('80146002', 'Excision of appendix'),
  mammography: snomed('71651007', 'Mammography'),
} as const;

export const ALLERGEN = {
  penicillin: snomed('764146007', 'Penicillin'),
  codeine: snomed('387494007', 'Codeine'),
  latex: snomed('111088007', 'Latex'),
  ibuprofen: snomed('387207008', 'Ibuprofen'),
  peanut: snomed('91935009', 'Allergy to peanut'),
  noKnownAllergy: snomed('716186003', 'No known allergy'),
} as const;

export const REACTION = {
  anaphylaxis: snomed('39579001', 'Anaphylaxis'),
  urticaria: snomed('126485001', 'Urticaria'),
  rash: snomed('271807003', 'Eruption of skin'),
  nausea: snomed('422587007', 'Nausea'),
  vomiting: snomed('422400008', 'Vomiting'),
  bronchospasm: snomed('4386001', 'Bronchospasm'),
} as const;

export const FINDING = {
  exSmoker: snomed('8517006', 'Ex-smoker'),
  neverSmoked: snomed('266919005', 'Never smoked tobacco'),
  smoker: snomed('77176002', 'Smoker'),
  suicideRisk: snomed('225444004', 'At risk for suicide'),
  hba1cIfcc: snomed('999791000000106', 'Haemoglobin A1c level - International Federation of Clinical Chemistry and Laboratory Medicine standardised'),
} as const;

export const ENCOUNTER_TYPE = {
  consultation: snomed('11429006', 'Consultation'),
  followUp: snomed('185389009', 'Follow-up visit'),
  admission: snomed('32485007', 'Hospital admission'),
  emergency: snomed('50849002', 'Emergency room admission'),
  problem: snomed('185347001', 'Encounter for problem'),
} as const;

export const DOCUMENT_TYPE = {
  dischargeSummary: snomed('373942005', 'Discharge summary'),
} as const;

export const BODY_SITE = {
  leftBreast: snomed('80248007', 'Left breast structure'),
  breast: snomed('76752008', 'Breast structure'),
} as const;
