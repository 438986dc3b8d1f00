/** The lens view narrowed by find: sections with their counts before narrowing, focus groups, totals. */
import { findInSections, findTerms, rowMatches, type FoundSection } from '../lib/summary/find';
import type { FocusGroup, LensSection, LensView } from '../lib/summary/lens';
import type { SectionId } from '../lib/summary/model';

export interface FoundView {
  /** Undefined `total` when nothing is typed, so sections draw as they always have. */
  readonly sections: readonly (LensSection & { readonly total?: number })[];
  readonly focus: readonly FocusGroup[];
  /** Matching rows across sections; undefined when nothing is typed. */
  readonly matches?: number;
  readonly allergiesHidden: number;
}

/** Narrows a lens view to the rows matching `query`; an empty query leaves it as it is. */
export function narrowByFind(view: LensView, query: string, sourceNames: Readonly<Record<string, string>>): FoundView {
  const terms = findTerms(query);
  if (terms.length === 0) return { sections: view.sections, focus: view.focus, allergiesHidden: 0 };
  const found: FoundSection<SectionId>[] = findInSections(view.sections, query, sourceNames);
  const sections = view.sections.map((s, i) => ({ ...s, rows: found[i]!.rows, total: found[i]!.total }));
  const focus = view.focus.map((g) => ({ ...g, rows: g.rows.filter((r) => rowMatches(r, terms, sourceNames)) }));
  const allergies = sections.find((s) => s.id === 'allergies');
  return {
    sections,
    focus,
    matches: sections.reduce((n, s) => n + s.rows.length, 0),
    allergiesHidden: allergies ? allergies.total - allergies.rows.length : 0,
  };
}
