/**
 * Family history (FamilyMemberHistory, FHIR R4 https://hl7.org/fhir/R4/familymemberhistory.html):
 * in its own place, never among the patient's problems and never tagged for a lens — a mother's
 * breast cancer is a risk to note, not this patient's diagnosis.
 */
import type { FhirResource } from '../fhir/resource';
import { conceptText } from './codeable-text';
import { datePart, join, notes, obj, objs, str } from './fields';
import type { SummaryRow } from './model';
import { makeRow, refOf, type RowContext } from './row-base';

/** R4 history-status in a clinician's words, for every status but completed. */
const STATUS_WORDS: Record<string, string> = {
  partial: 'Partial history',
  'health-unknown': "Relative's health unknown",
  'entered-in-error': 'Entered in error by the source',
};

/** An Age or Quantity as sent: `45 years`, `45 a`. */
function quantityText(value: Record<string, unknown> | undefined): string | undefined {
  const number = value?.['value'];
  if (typeof number !== 'number') return undefined;
  const comparator = str(value!, 'comparator') ?? '';
  const unit = str(value!, 'unit') ?? str(value!, 'code') ?? '';
  return `${comparator}${number}${unit ? ` ${unit}` : ''}`;
}

/** When the relative's condition began, from whichever onset[x] was sent. */
function onsetText(condition: Record<string, unknown>): string | undefined {
  const age = quantityText(obj(condition, 'onsetAge'));
  if (age) return `onset at ${age}`;
  const range = obj(condition, 'onsetRange');
  if (range) return `onset at ${quantityText(obj(range, 'low')) ?? '?'}–${quantityText(obj(range, 'high')) ?? '?'}`;
  const started = str(obj(condition, 'onsetPeriod') ?? {}, 'start');
  if (started) return `onset ${started.slice(0, 10)}`;
  const words = str(condition, 'onsetString');
  return words ? `onset ${words}` : undefined;
}

/** One line per condition of the relative: name, onset, outcome, whether it contributed to death. */
function conditionLine(condition: Record<string, unknown>): string {
  const outcome = conceptText(obj(condition, 'outcome'), '');
  return join([
    conceptText(obj(condition, 'code'), 'Condition (not named)'),
    onsetText(condition),
    outcome && `outcome: ${outcome}`,
    condition['contributedToDeath'] === true && 'contributed to death',
  ]) ?? '';
}

/** A FamilyMemberHistory row: who (relationship), what they had, as the source recorded it. */
export function familyHistoryRow(resource: FhirResource, ctx: RowContext, index = 0): SummaryRow {
  const status = str(resource, 'status');
  const relationship = conceptText(obj(resource, 'relationship'), str(resource, 'name') ?? 'Relative (relationship not recorded)');
  const conditions = objs(resource, 'condition').map(conditionLine);
  const deceased = resource['deceasedBoolean'] === true || Boolean(resource['deceasedAge'] ?? resource['deceasedDate'] ?? resource['deceasedString']);
  return makeRow(resource, index, ctx, 'family', undefined, {
    key: `family:${ctx.sourceId}/${refOf(resource, index)}`,
    // No codes on the row: the relative's condition codes must not match the patient's own.
    codes: [],
    text: `${relationship}: ${conditions.length > 0 ? conditions.map((c) => c.split(' · ')[0]).join('; ') : conceptText(obj(resource, 'dataAbsentReason'), 'no conditions recorded')}`,
    detail: join([deceased && 'Deceased', status && STATUS_WORDS[status]]),
    status,
    active: status !== 'entered-in-error',
    date: datePart(str(resource, 'date')),
    items: [...conditions, ...notes(resource)],
  });
}
