/**
 * "No known …" and "no information" records. They are statements about the record, not findings:
 * an AllergyIntolerance coded "no known drug allergy" is not an allergy, and must never be
 * counted, alerted or merged as one. Sources: the SNOMED CT situations the IPS value sets bind
 * (IPS 2.0.0: allergies-intolerances-uv-ips includes `is-a 716186003`, problems-uv-ips
 * `is-a 160245001`, medication-uv-ips `is-a 787481004`, procedures-uv-ips `is-a 787480003`,
 * vaccines-uv-ips `is-a 787482006`, medical-devices-uv-ips `is-a 787483001`), the children of
 * 716186003 used in practice (R4 examples AllergyIntolerance/nkda, nkla; IPS Bundle-01), and the
 * IPS 1.x absent-unknown code system.
 */
import { IPS_ABSENT_UNKNOWN, snomed } from './code-systems';

/** What a statement is about: every allergy, one kind of allergy, or another section's content. */
export type NegationScope =
  | 'allergy' | 'drug-allergy' | 'food-allergy' | 'environmental-allergy' | 'latex-allergy' | 'insect-allergy'
  | 'problem' | 'medication' | 'procedure' | 'immunization' | 'device';

export interface Negation {
  readonly scope: NegationScope;
  /** `none-known`: the source asked and found none. `no-information`: nobody knows. */
  readonly kind: 'none-known' | 'no-information';
  /** How the statement reads, e.g. "No known drug allergy". */
  readonly words: string;
}

const known = (scope: NegationScope, words: string): Negation => ({ scope, kind: 'none-known', words });
const noInfo = (scope: NegationScope, words: string): Negation => ({ scope, kind: 'no-information', words });

const BY_CODE: ReadonlyMap<string, Negation> = new Map([
  [snomed('716186003'), known('allergy', 'No known allergy')],
  [snomed('409137002'), known('drug-allergy', 'No known drug allergy')],
  [snomed('429625007'), known('food-allergy', 'No known food allergy')],
  [snomed('428607008'), known('environmental-allergy', 'No known environmental allergy')],
  [snomed('716184000'), known('latex-allergy', 'No known latex allergy')],
  [snomed('1003774007'), known('latex-allergy', 'No known Hevea brasiliensis latex allergy')],
  [snomed('428197003'), known('insect-allergy', 'No known insect allergy')],
  [snomed('160245001'), known('problem', 'No current problems or disability')],
  [snomed('787481004'), known('medication', 'No known medication')],
  [snomed('787480003'), known('procedure', 'No known procedure')],
  [snomed('787482006'), known('immunization', 'No known immunization')],
  [snomed('787483001'), known('device', 'No known device use')],
  [`${IPS_ABSENT_UNKNOWN}|no-known-allergies`, known('allergy', 'No known allergies')],
  [`${IPS_ABSENT_UNKNOWN}|no-allergy-info`, noInfo('allergy', 'No information about allergies')],
  [`${IPS_ABSENT_UNKNOWN}|no-known-problems`, known('problem', 'No known problems')],
  [`${IPS_ABSENT_UNKNOWN}|no-problem-info`, noInfo('problem', 'No information about problems')],
  [`${IPS_ABSENT_UNKNOWN}|no-known-medications`, known('medication', 'No known medications')],
  [`${IPS_ABSENT_UNKNOWN}|no-medication-info`, noInfo('medication', 'No information about medications')],
  [`${IPS_ABSENT_UNKNOWN}|no-known-procedures`, known('procedure', 'No known procedures')],
  [`${IPS_ABSENT_UNKNOWN}|no-procedure-info`, noInfo('procedure', 'No information about procedures')],
  [`${IPS_ABSENT_UNKNOWN}|no-known-immunizations`, known('immunization', 'No known immunizations')],
  [`${IPS_ABSENT_UNKNOWN}|no-immunization-info`, noInfo('immunization', 'No information about immunizations')],
  [`${IPS_ABSENT_UNKNOWN}|no-known-devices`, known('device', 'No known devices')],
  [`${IPS_ABSENT_UNKNOWN}|no-device-info`, noInfo('device', 'No information about devices')],
]);

/** Uncoded statements as local systems write them ("NKDA", "No known allergies"). */
const BY_TEXT: readonly (readonly [RegExp, Negation])[] = [
  [/^(nkda|no known (drug|medication) allerg(y|ies))\b/i, known('drug-allergy', 'No known drug allergy')],
  [/^(nka|no known allerg(y|ies))\b/i, known('allergy', 'No known allergy')],
  [/^no known food allerg/i, known('food-allergy', 'No known food allergy')],
  [/^no known latex allerg/i, known('latex-allergy', 'No known latex allergy')],
];

/**
 * The statement a record's codes (as `system|code`) or text make, if it is one.
 * @param text - the record's own words, read only when no code says it
 */
export function negationOf(codes: readonly string[], text: string): Negation | undefined {
  for (const code of codes) {
    const found = BY_CODE.get(code);
    if (found) return found;
  }
  return BY_TEXT.find(([pattern]) => pattern.test(text.trim()))?.[1];
}

/** Allergy kinds each allergy statement speaks for; a statement contradicts only an allergy it covers. */
export const ALLERGY_SCOPE_CATEGORY: Readonly<Partial<Record<NegationScope, string>>> = {
  'drug-allergy': 'medication',
  'food-allergy': 'food',
  'environmental-allergy': 'environment',
};
