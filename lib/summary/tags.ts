/**
 * Which rows matter to the cancer and mental-health lenses. Codes first; words second, because
 * local systems often send a cancer diagnosis or a crisis plan as text only. A missed tag only
 * changes the order of the panel, never hides a row (lenses collapse, they do not remove).
 */
import { inGroup } from './code-groups';
import type { SummaryRow, Tag } from './model';

const CANCER_WORDS = /\b(cancer|carcinoma|malignan|neoplasm|lymphoma|leuka?emia|melanoma|sarcoma|myeloma|metasta|tumou?r)/i;
const BENIGN = /\bbenign\b/i;
const MH_WORDS = /\b(schizo|bipolar|depressi|anxiety|psychos|psychotic|personality disorder|eating disorder|anorexia|self[- ]harm|suicid)/i;
const CANCER_TREATMENT = /\b(chemotherap|radiotherap|radiation oncology|immunotherap|letrozole|anastrozole|exemestane|tamoxifen|capecitabine|oxaliplatin|docetaxel|paclitaxel|epirubicin|cyclophosphamide|trastuzumab|pembrolizumab|fluorouracil)/i;
const MDT = /\b(mdt|multi-?disciplinary team)\b/i;
const CRISIS = /\b(crisis|safety plan|contingency|relapse (prevention|signature))/i;
const RISK = /\b(risk|suicid|self[- ]harm|violence|aggress)/i;
const MHA = /\b(mental health act|section (2|3|4|5|17|37|135|136)\b|detained|community treatment order|\bcto\b)/i;

const LOINC = 'http://loinc.org|';
const STAGE_CODES = ['21905-5', '21906-3', '21907-1', '21908-9', '21899-0', '21900-6', '21901-4', '21902-2'].map((c) => LOINC + c);
const PERFORMANCE_CODES = ['89247-1', '89262-0', '89243-0'].map((c) => LOINC + c);

const has = (row: SummaryRow, codes: readonly string[]) => row.codes.some((c) => codes.includes(c));
const words = (row: SummaryRow) => [row.text, row.detail ?? '', ...(row.items ?? [])].join(' ');

function tagCondition(row: SummaryRow, out: Set<Tag>) {
  if (CANCER_WORDS.test(row.text) && !BENIGN.test(row.text)) out.add('cancer-diagnosis');
  if (MH_WORDS.test(row.text)) out.add('mh-diagnosis');
  if (MHA.test(row.text)) out.add('mha-status');
}

function tagObservation(row: SummaryRow, out: Set<Tag>) {
  if (inGroup(row.codes, ['ca153', 'cea', 'ca125', 'psa'])) out.add('tumour-marker');
  if (has(row, STAGE_CODES)) out.add('cancer-stage');
  if (has(row, PERFORMANCE_CODES) || /\b(ecog|performance status|karnofsky)\b/i.test(row.text)) out.add('performance-status');
  if (inGroup(row.codes, ['lithium', 'egfr', 'creatinine', 'tsh'])) out.add('lithium-monitoring');
  if (inGroup(row.codes, ['clozapine', 'norclozapine', 'neutrophils', 'wbc'])) out.add('clozapine-monitoring');
  if (MHA.test(row.text)) out.add('mha-status');
}

/** The lens tags a freshly built row earns. */
export function tagsOf(resourceType: string, row: SummaryRow): Tag[] {
  // A "no known …" statement, a family history or a history-of is not the patient's current
  // diagnosis or treatment: no lens takes it for one.
  if (row.statement || row.context) return [];
  const out = new Set<Tag>();
  switch (resourceType) {
    case 'Condition':
      tagCondition(row, out);
      break;
    case 'Observation':
      tagObservation(row, out);
      break;
    case 'DiagnosticReport':
      if (MDT.test(row.text)) out.add('mdt-outcome');
      break;
    case 'MedicationRequest':
    case 'MedicationStatement':
      if (CANCER_TREATMENT.test(row.text)) out.add('cancer-treatment');
      if (/\blithium\b/i.test(row.text)) out.add('lithium');
      if (/\bclozapine\b/i.test(row.text)) out.add('clozapine');
      break;
    case 'Procedure':
      if (CANCER_TREATMENT.test(row.text)) out.add('cancer-treatment');
      break;
    case 'Flag':
      if (MHA.test(words(row))) out.add('mha-status');
      else if (RISK.test(words(row)) || row.detail === 'Safety' || row.detail === 'Behavioural') out.add('risk-flag');
      if (/\bclozapine\b/i.test(row.text)) out.add('clozapine');
      if (/\blithium\b/i.test(row.text)) out.add('lithium');
      break;
    case 'CarePlan':
      if (CRISIS.test(words(row))) out.add('crisis-plan');
      break;
    case 'CareTeam':
      if (/care co-?ordinator/i.test(words(row))) out.add('care-coordinator');
      break;
    default:
      break;
  }
  return [...out];
}
