/**
 * Records a source has withdrawn. FHIR keeps an entered-in-error record so systems can see it was
 * withdrawn ("the statement was entered in error and is not valid", R4 allergyintolerance-
 * verification, event-status, observation-status); a cancelled Observation or report never had a
 * value. Neither is a fact: they are never in a section, a merge, a trend or a conflict, and are
 * listed apart, struck through, with who and when where the source said.
 */
import type { FhirResource } from '../fhir/resource';
import type { StatusReading } from '../fhir/status-rules';
import { datePart, obj, objs, str } from './fields';
import type { SummaryRow } from './model';

const display = (reference: Record<string, unknown> | undefined) => (reference ? str(reference, 'display') : undefined);

/** The row as a withdrawn record: not current, never an alert, never in conflict. */
export function asRemoved(row: SummaryRow, resource: FhirResource, status: StatusReading): SummaryRow {
  const by = display(obj(resource, 'recorder')) ?? display(obj(resource, 'asserter'))
    ?? objs(resource, 'performer').map((p) => display(obj(p, 'actor')) ?? display(p)).find(Boolean);
  const at = datePart(str(obj(resource, 'meta') ?? {}, 'lastUpdated'));
  return { ...row, active: false, alert: undefined, conflict: undefined, removed: { words: status.words ?? status.code ?? 'withdrawn', ...(at ? { at } : {}), ...(by ? { by } : {}) } };
}
