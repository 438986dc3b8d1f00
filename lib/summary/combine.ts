import type { Banner, SectionId, SourceSummary, Summary, SummaryRow } from './model';
import { SECTION_ORDER } from './model';

/** Active before inactive, then most recent first; rows without a date last. */
export function compareRows(a: SummaryRow, b: SummaryRow): number {
  if (a.active !== b.active) return a.active ? -1 : 1;
  if ((a.alert ?? false) !== (b.alert ?? false)) return a.alert ? -1 : 1;
  return (b.date ?? '').localeCompare(a.date ?? '');
}

/**
 * Puts every source's rows into one summary for one patient. Sources for another patient are
 * refused outright (wrong-patient rule). Every input row appears in the output.
 */
export function combineSources(patientKey: string, pageBanner: Banner, sources: readonly SourceSummary[]): Summary {
  const mine = sources.filter((s) => s.patientKey === patientKey);
  const sections = Object.fromEntries(
    SECTION_ORDER.map((id) => [id, mine.flatMap((s) => s.sections[id]).sort(compareRows)]),
  ) as Record<SectionId, SummaryRow[]>;
  const incomplete: Partial<Record<SectionId, string>> = {};
  for (const source of mine) {
    for (const [id, reason] of Object.entries(source.incomplete) as [SectionId, string][]) {
      incomplete[id] = incomplete[id] ? `${incomplete[id]}; ${reason}` : reason;
    }
  }
  return {
    patientKey,
    banner: mine[0]?.banner ?? pageBanner,
    sections,
    incomplete,
    sourceIds: mine.map((s) => s.sourceId),
  };
}
