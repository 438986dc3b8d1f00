/**
 * Codes that say what kind of record something is, not what it is about. Two allergies sharing
 * "transfer-degraded drug allergy" are two different drugs: GP2GP sends every allergy it could not
 * code that way (UK Core AllergyIntolerance `code`: "Using transfer degraded drug / non-drug
 * allergy codes"), so such a code never makes two records one fact.
 */
import { DATA_ABSENT_REASON, snomed } from './code-systems';

const GENERIC = new Set([
  snomed('196461000000101'), // Transfer-degraded drug allergy (record artifact), UK
  snomed('196471000000108'), // Transfer-degraded non-drug allergy (record artifact), UK
  snomed('416098002'), // Allergy to drug
  snomed('419199007'), // Allergy to substance
  snomed('414285001'), // Allergy to food
  snomed('420134006'), // Propensity to adverse reaction
  snomed('419511003'), // Propensity to adverse reaction to drug
  snomed('418038007'), // Propensity to adverse reaction to substance
  snomed('418471000'), // Propensity to adverse reaction to food
  snomed('609328004'), // Allergic disposition
  snomed('106190000'), // Allergy (disorder), grouper
  snomed('473010000'), // Hypersensitivity condition
  snomed('421961002'), // Hypersensitivity reaction to drug
  snomed('55607006'), // Problem (finding)
  snomed('410942007'), // Drug or medicament (substance)
  snomed('763158003'), // Medicinal product, the IPS medication value set's root
  snomed('71388002'), // Procedure, the IPS procedures value set's root
]);

/** True for a code (`system|code`) that groups records rather than naming one fact. */
export function isGenericCode(code: string): boolean {
  return GENERIC.has(code) || code.startsWith(`${DATA_ABSENT_REASON}|`) || code.endsWith('|UNK');
}
