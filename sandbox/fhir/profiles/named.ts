/**
 * The named profiles: how three well-known products behave, as far as their public documentation
 * says, combined from the rules in rules/. Each is "in the manner of" the product, not a copy of
 * it; `strict-standard` is the plain engine (every optional FHIR search feature, no surprises; no
 * Patient-level operations, so it neither offers nor advertises `$everything` or `$summary`).
 * A profile may also be written as rules joined by `+` (`hapi-like+no-total`, `no-batch+repeat-ids`).
 */
import { RULE_NAMES, type RuleName } from './rules';

export const NAMED_PROFILES = {
  'strict-standard': [],
  // Epic on FHIR (open.epic.com R4 APIs): patient and Observation/CarePlan category required,
  // unsupported parameters ignored, no batch for reads, a "No Known Allergies" placeholder,
  // pages filtered after the fact, document text behind a Binary read, Read and Search granted
  // as separate APIs (here Immunization read by id only), aud required at sign-in.
  'epic-like': ['aud-required', 'no-batch', 'require-patient', 'require-category', 'read-without-search', 'ignore-unsupported', 'short-pages', 'nka-placeholder', 'document-binary'],
  // Oracle Health Millennium R4 (fhir.cerner.com): 570 s tokens, per-type page caps, -pageContext
  // next links that time out, no Bundle.total, unknown parameters refused, retracted content
  // masked, resource types granted one by one, aud required at sign-in.
  'oracle-health-like': ['aud-required', 'token-lifetime', 'no-batch', 'narrow-scope', 'expiring-links', 'page-context-links', 'require-patient', 'reject-unsupported', 'count-cap', 'no-total', 'mask-entered-in-error'],
  // HAPI FHIR JPA server: _getpages links at the base into a search cache that expires, a
  // maximum page size, offset paging over a live index, converted records with contained
  // medicines; Patient/$everything (documented in HAPI's JPA server operations, paged, the
  // Patient on every page) and Patient/$summary (the IPS generator, hapi-fhir-jpaserver-ips,
  // from HAPI FHIR 6.4, switched on in the JPA starter by `hapi.fhir.ips_enabled`: a recent
  // server set up for patient summaries has it). Epic and Oracle Health document neither for
  // a clinician-facing app, so their profiles leave them out. No SMART authorization server of
  // its own, so aud is not enforced.
  'hapi-like': ['expiring-links', 'getpages-links', 'count-cap', 'repeat-ids', 'contained-medications', 'patient-everything', 'patient-summary'],
} as const satisfies Record<string, readonly RuleName[]>;

export type ProfileName = keyof typeof NAMED_PROFILES;
export const PROFILE_NAMES = Object.keys(NAMED_PROFILES) as ProfileName[];

/** The profile each sandbox source has unless told otherwise: a realistic mix for `npm start`. */
export const DEFAULT_PROFILES = { gp: 'epic-like', acute: 'oracle-health-like', mh: 'hapi-like' } as const;

/**
 * The rules a profile spec names: a named profile, or rule names (and named profiles) joined by `+`.
 * @throws Error naming what is unknown
 */
export function rulesOf(spec: string): RuleName[] {
  const rules = new Set<RuleName>();
  for (const part of spec.split('+').map((p) => p.trim()).filter(Boolean)) {
    if (part in NAMED_PROFILES) for (const rule of NAMED_PROFILES[part as ProfileName]) rules.add(rule);
    else if ((RULE_NAMES as string[]).includes(part)) rules.add(part as RuleName);
    else throw new Error(`Unknown profile or rule "${part}"; profiles are ${PROFILE_NAMES.join(', ')}; rules are ${RULE_NAMES.join(', ')}`);
  }
  return [...rules];
}
