/**
 * Which Consent resources are treatment-limiting decisions — DNACPR, ReSPECT, an advance decision
 * to refuse treatment — and so belong on the first screen beside the alerts. Privacy and research
 * consents are not: they are counted in coverage, not drawn.
 *
 * FHIR R4 Consent (https://hl7.org/fhir/R4/consent.html): `scope` `adr` is an advance directive
 * (consentscope); `category` `dnr`, `acd`, `hcd`, `polst` (consentcategorycodes) and LOINC 75320-2
 * / 42348-3 name advance directives; the IPS guide codes a DNR decision as category `dnr` with a
 * SNOMED CT provision code. UK records often carry the decision in words only, hence the words test.
 */
import { codeKeys, codings } from './codeable-text';
import { obj, objs } from './fields';

const CATEGORY_CODES = new Set([
  'http://terminology.hl7.org/CodeSystem/consentcategorycodes|dnr',
  'http://terminology.hl7.org/CodeSystem/consentcategorycodes|acd',
  'http://terminology.hl7.org/CodeSystem/consentcategorycodes|hcd',
  'http://terminology.hl7.org/CodeSystem/consentcategorycodes|polst',
  'http://loinc.org|75320-2',
  'http://loinc.org|42348-3',
  // SNOMED CT 304253006 Not for resuscitation; 450476008 Not for attempted cardiopulmonary resuscitation.
  'http://snomed.info/sct|304253006',
  'http://snomed.info/sct|450476008',
]);

const ADVANCE_DIRECTIVE_SCOPE = 'http://terminology.hl7.org/CodeSystem/consentscope|adr';

const WORDS = /\b(dnacpr|dnar|dnr|do not (attempt )?resuscitat|not for (attempted )?(cardiopulmonary )?resuscitation|respect form|\brespect\b|advance decision|refuse treatment|advance directive|treatment escalation)/i;

const textsOf = (concept: unknown) => [
  (concept as { text?: unknown } | undefined)?.text,
  ...codings(concept).map((c) => c.display),
].filter((t): t is string => typeof t === 'string');

/** The concepts that say what a Consent is about: its category and its provision's codes. */
export function decisionConcepts(consent: Record<string, unknown>): unknown[] {
  return [...objs(consent, 'category'), ...objs(obj(consent, 'provision') ?? {}, 'code')];
}

/** True when a Consent records a decision to limit or refuse treatment (see the file comment). */
export function isTreatmentLimiting(consent: Record<string, unknown>): boolean {
  if (codeKeys(obj(consent, 'scope')).includes(ADVANCE_DIRECTIVE_SCOPE)) return true;
  const concepts = decisionConcepts(consent);
  if (concepts.some((c) => codeKeys(c).some((k) => CATEGORY_CODES.has(k)))) return true;
  return concepts.some((c) => textsOf(c).some((t) => WORDS.test(t)));
}
