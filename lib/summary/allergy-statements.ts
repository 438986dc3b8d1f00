/**
 * "No known allergies" beside a recorded allergy is a contradiction, not a duplicate: read alone,
 * the statement could let a clinician give the drug. It is kept, and marked as a conflict naming
 * the allergies it contradicts — but only those it truly speaks for: "no known drug allergy"
 * against a drug allergy (or one of unknown kind), never against a food allergy; "no known food
 * allergy" never against a drug allergy. A refuted, resolved or withdrawn allergy contradicts nothing.
 */
import { ALLERGY_SCOPE_CATEGORY, type NegationScope } from '../fhir/negations';
import type { SummaryRow } from './model';

const LATEX = /\b(latex|rubber)\b/i;

/** True when a statement of `scope` says the patient has no allergy like `allergy`. */
function covers(scope: NegationScope, allergy: SummaryRow): boolean {
  if (scope === 'allergy') return true;
  if (scope === 'latex-allergy') return LATEX.test(allergy.text);
  const category = ALLERGY_SCOPE_CATEGORY[scope];
  // An allergy sent without a category may be of any kind: the statement may contradict it.
  return category !== undefined && (allergy.category === undefined || allergy.category === category);
}

/** Marks each current "no known …" row that a current allergy of the kind it speaks for contradicts. */
export function markAllergyStatements(rows: readonly SummaryRow[]): SummaryRow[] {
  const allergies = rows.filter((r) => r.active && !r.statement);
  return rows.map((row) => {
    if (!row.statement || row.statement.kind !== 'none-known' || !row.active) return row;
    const scope = row.statement.scope;
    const contradicting = allergies.filter((a) => covers(scope, a));
    if (contradicting.length === 0) return row;
    const same = contradicting.every((a) => a.sources.some((s) => row.sources.some((r) => r.sourceId === s.sourceId)));
    return { ...row, conflict: { with: contradicting.map((a) => a.id), reason: same ? 'This source also records an allergy' : 'Another source records an allergy' } };
  });
}
