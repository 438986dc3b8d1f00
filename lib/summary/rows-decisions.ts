/**
 * Treatment-limiting decisions (Consent): drawn with the alerts so a DNACPR or an advance decision
 * is read before anything is done to the patient. An active decision is an alert; any other status
 * is shown as it is, never as current.
 */
import type { FhirResource } from '../fhir/resource';
import { codeKeys, conceptText } from './codeable-text';
import { datePart, join, obj, objs, period, statusCode, str } from './fields';
import type { SummaryRow } from './model';
import { makeRow, refOf, type RowContext } from './row-base';
import { decisionConcepts } from './treatment-limiting';

/** R4 consent-state-codes in a clinician's words, for every status but active. */
const STATUS_WORDS: Record<string, string> = {
  draft: 'Draft: not in force',
  proposed: 'Proposed: not in force',
  rejected: 'Rejected: not in force',
  inactive: 'No longer in force',
  'entered-in-error': 'Entered in error by the source: not a decision',
};

/** The most specific words for the decision: a provision code before a category. */
function decisionText(resource: FhirResource): string {
  const provision = objs(obj(resource, 'provision') ?? {}, 'code');
  const concepts = [...provision, ...objs(resource, 'category')];
  return concepts.map((c) => conceptText(c, '')).find(Boolean) ?? 'Treatment-limiting decision (not named)';
}

/** A Consent row for a treatment-limiting decision: what was decided, since when, its status. */
export function decisionRow(resource: FhirResource, ctx: RowContext, index = 0): SummaryRow {
  const status = statusCode(resource, 'status');
  const active = status === 'active';
  const provision = obj(resource, 'provision') ?? {};
  const applies = period(provision, 'period');
  const categories = objs(resource, 'category').map((c) => conceptText(c, '')).filter(Boolean);
  const text = decisionText(resource);
  return makeRow(resource, index, ctx, 'decision', undefined, {
    // Decisions are never merged across sources: each is a signed record in its own right.
    key: `decision:${ctx.sourceId}/${refOf(resource, index)}`,
    codes: decisionConcepts(resource).flatMap(codeKeys),
    text,
    detail: join([categories.filter((c) => c !== text).join(', '), status && STATUS_WORDS[status]]),
    status,
    active,
    alert: active,
    date: datePart(str(resource, 'dateTime') ?? applies.start),
    end: datePart(applies.end),
    narrative: str(obj(resource, 'text') ?? {}, 'div'),
  });
}
