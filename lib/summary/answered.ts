import type { SectionId, Summary } from './model';

/**
 * True once at least one source has answered for this section (returned records or said it holds
 * none). Until then an empty section is "not loaded yet", never "none recorded": before sign-in, or
 * with every source down, an empty list would read like an empty record (hazard: a missed allergy).
 * @param summary - the summary being drawn (live or saved), with its per-source coverage
 * @param section - the section to ask about
 */
export function sectionAnswered(summary: Summary, section: SectionId): boolean {
  return Object.values(summary.coverage ?? {}).some((bySection) => {
    const state = bySection[section]?.state;
    return state === 'returned' || state === 'empty';
  });
}

/** What an empty section or lens group says when no source has answered for it yet. */
export const NOT_LOADED_YET = 'Nothing loaded yet: no source has answered';
