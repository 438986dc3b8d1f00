import { FACT_RULES } from './match-rules';
import { mergeFacts } from './merge-facts';
import { mergeResults } from './merge-results';
import type { Banner, Coverage, SectionId, SourceSummary, Summary, SummaryRow } from './model';
import { SECTION_ORDER, SUMMARY_VERSION, emptySections } from './model';
import { markAllergyStatements } from './allergy-statements';

/** Active before inactive, alerts first, then most recent first; rows without a date last. */
export function compareRows(a: SummaryRow, b: SummaryRow): number {
  if (a.active !== b.active) return a.active ? -1 : 1;
  if ((a.alert ?? false) !== (b.alert ?? false)) return a.alert ? -1 : 1;
  return (b.date ?? '').localeCompare(a.date ?? '');
}

/** Results are a timeline: newest first, whatever their status. */
const newestFirst = (a: SummaryRow, b: SummaryRow) => (b.date ?? '').localeCompare(a.date ?? '');

/** Puts each conflicting row straight after the row it disagrees with, so they are read together. */
function keepConflictsTogether(rows: readonly SummaryRow[]): SummaryRow[] {
  const out: SummaryRow[] = [];
  const placed = new Set<string>();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const row of rows) {
    if (placed.has(row.id)) continue;
    out.push(row);
    placed.add(row.id);
    for (const id of row.conflict?.with ?? []) {
      const partner = byId.get(id);
      if (partner && !placed.has(id)) {
        out.push(partner);
        placed.add(id);
      }
    }
  }
  return out;
}

function mergeSection(id: SectionId, rows: readonly SummaryRow[]): SummaryRow[] {
  if (id === 'results' || id === 'vitals') return mergeResults(rows).sort(newestFirst);
  const rule = FACT_RULES[id];
  const merged = rule ? mergeFacts(rows, rule) : [...rows];
  const marked = id === 'allergies' ? markAllergyStatements(merged) : merged;
  return keepConflictsTogether(marked.sort(compareRows));
}

/**
 * Puts every source's rows into one summary for one patient, merging the same fact from several
 * sources into one row with each source's provenance. Sources for another patient are refused
 * outright (wrong-patient rule). Every input resource is owned by exactly one output row.
 */
export function combineSources(patientKey: string, pageBanner: Banner, sources: readonly SourceSummary[]): Summary {
  // A stable order, whatever order the sources answered in: the same data always draws the same.
  const mine = sources.filter((s) => s.patientKey === patientKey).sort((a, b) => a.sourceId.localeCompare(b.sourceId));
  const sections = emptySections<SummaryRow[]>(() => []);
  for (const id of SECTION_ORDER) {
    sections[id] = mergeSection(id, mine.flatMap((s) => s.sections[id] ?? []).filter((row) => row.patientKey === patientKey));
  }
  const incomplete: Partial<Record<SectionId, string>> = {};
  for (const source of mine) {
    for (const [id, reason] of Object.entries(source.incomplete) as [SectionId, string][]) {
      incomplete[id] = incomplete[id] ? `${incomplete[id]}; ${reason}` : reason;
    }
  }
  const coverage: Record<string, Readonly<Record<SectionId, Coverage>>> = {};
  for (const source of mine) if (source.coverage) coverage[source.sourceId] = source.coverage;
  const undrawn = Object.fromEntries(mine.filter((s) => s.undrawn).map((s) => [s.sourceId, s.undrawn!]));
  const resultsSince = Object.fromEntries(mine.filter((s) => s.resultsSince).map((s) => [s.sourceId, s.resultsSince!]));
  return {
    version: SUMMARY_VERSION,
    patientKey,
    banner: mine.find((s) => s.banner.family)?.banner ?? pageBanner,
    sections,
    incomplete,
    sourceIds: mine.map((s) => s.sourceId),
    coverage,
    ...(Object.keys(undrawn).length > 0 ? { undrawn } : {}),
    ...(Object.keys(resultsSince).length > 0 ? { resultsSince } : {}),
  };
}
