/**
 * Every behaviour a profile can switch on, by name, in the order they stand in front of the
 * engine (outermost first): token checks see the HTTP request, batch rules see the whole Bundle,
 * then each search (a plain one, or one entry of a batch) passes the rest on its way in and out.
 */
import type { Rule } from '../exchange';
import { audRequired } from './audience';
import { batchLimit, batchReadsOnly, noBatch } from './batch';
import { countCap } from './count-cap';
import { containedMedications, maskEnteredInError, nkaPlaceholder } from './data-manners';
import { documentBinary } from './document-binary';
import { expiringLinks } from './expiring-links';
import { continuationLinks, getpagesLinks, pageContextLinks } from './opaque-links';
import { patientEverything } from './patient-everything';
import { patientSummary } from './patient-summary';
import { readWithoutSearch } from './read-without-search';
import { repeatIds } from './repeat-ids';
import { requireCategory } from './require-category';
import { requirePatient } from './require-patient';
import { shortPages } from './short-pages';
import { narrowScope, tokenLifetime } from './tokens';
import { noTotal, totalEstimate } from './totals';
import { ignoreUnsupported, rejectUnsupported } from './unsupported-params';

/** Rules that see the HTTP request as sent, before a batch is taken apart. */
export const OUTER_RULES = {
  'token-lifetime': tokenLifetime,
  'no-batch': noBatch,
  'batch-limit': batchLimit(5),
  'batch-reads-only': batchReadsOnly,
  'aud-required': audRequired,
} satisfies Record<string, Rule>;

/** Rules that see each search on its own, a batch's entries included. */
export const INNER_RULES = {
  'narrow-scope': narrowScope('DocumentReference'),
  'read-without-search': readWithoutSearch('Immunization'),
  'expiring-links': expiringLinks,
  'getpages-links': getpagesLinks,
  'page-context-links': pageContextLinks,
  'continuation-links': continuationLinks,
  'require-patient': requirePatient,
  'require-category': requireCategory,
  'reject-unsupported': rejectUnsupported,
  'ignore-unsupported': ignoreUnsupported,
  'count-cap': countCap({ default: 100, Observation: 200 }),
  'short-pages': shortPages,
  'repeat-ids': repeatIds,
  'no-total': noTotal,
  'total-estimate': totalEstimate,
  'nka-placeholder': nkaPlaceholder,
  'mask-entered-in-error': maskEnteredInError,
  'contained-medications': containedMedications,
  'document-binary': documentBinary,
  // Last, next to the engine: they gather the patient's records with plain engine searches, and
  // their answers pass back out through every rule above (paging links, page caps, masking).
  'patient-everything': patientEverything,
  'patient-summary': patientSummary,
} satisfies Record<string, Rule>;

export type RuleName = keyof typeof OUTER_RULES | keyof typeof INNER_RULES;
export const RULE_NAMES = [...Object.keys(OUTER_RULES), ...Object.keys(INNER_RULES)] as RuleName[];
