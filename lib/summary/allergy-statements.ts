/**
 * "No known allergies" from one source beside an allergy from another is a contradiction, not a
 * duplicate: read alone, the statement could let a clinician give the drug. It is kept, and marked
 * as a conflict naming the allergies it contradicts.
 */
import type { SummaryRow } from './model';
import { isNoKnownAllergy } from './rows';

/** Marks each "no known allergies" row that another source's current allergy contradicts. */
export function markAllergyStatements(rows: readonly SummaryRow[]): SummaryRow[] {
  const allergies = rows.filter((r) => r.active && !isNoKnownAllergy(r));
  return rows.map((row) => {
    if (!isNoKnownAllergy(row) || !row.active) return row;
    const sources = new Set(row.sources.map((s) => s.sourceId));
    const contradicting = allergies.filter((a) => a.sources.some((s) => !sources.has(s.sourceId)));
    if (contradicting.length === 0) return row;
    return { ...row, conflict: { with: contradicting.map((a) => a.id), reason: 'Another source records an allergy' } };
  });
}
