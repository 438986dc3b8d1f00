/**
 * Find in record: which rows match what the clinician typed. Every word must appear (in any
 * order, any case) in the row's text, detail, status, notes, the names the sources gave a test,
 * a value as sent, or the name of a source that holds it. Pure, so the panel and tests agree.
 */
import type { SummaryRow } from './model';

/** The words of a query, lower-cased; an empty list means "no filter". */
export function findTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

function haystack(row: SummaryRow, sourceNames: Readonly<Record<string, string>>): string {
  const sourceIds = [...new Set(row.sources.map((s) => s.sourceId))];
  return [
    row.text,
    row.detail,
    row.status,
    ...(row.items ?? []),
    ...(row.result?.namesAsSent ?? []),
    ...(row.result?.points.slice(0, 1).map((p) => p.display) ?? []),
    ...row.sources.map((s) => s.detail),
    ...sourceIds.flatMap((id) => [id, sourceNames[id]]),
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

/**
 * True when every term is in the row.
 * @param terms - from `findTerms`
 */
export function rowMatches(row: SummaryRow, terms: readonly string[], sourceNames: Readonly<Record<string, string>>): boolean {
  if (terms.length === 0) return true;
  const text = haystack(row, sourceNames);
  return terms.every((t) => text.includes(t));
}

export interface FoundSection<S extends string> {
  readonly id: S;
  readonly rows: readonly SummaryRow[];
  /** Rows before the filter: the panel says "3 of 12" and how many allergies are hidden. */
  readonly total: number;
}

/** Each section narrowed to its matching rows, with the count before narrowing. */
export function findInSections<S extends string>(sections: readonly { readonly id: S; readonly rows: readonly SummaryRow[] }[], query: string, sourceNames: Readonly<Record<string, string>>): FoundSection<S>[] {
  const terms = findTerms(query);
  return sections.map((s) => ({ ...s, rows: s.rows.filter((r) => rowMatches(r, terms, sourceNames)), total: s.rows.length }));
}
