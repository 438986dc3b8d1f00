import { FACT_RULES } from './match-rules';
import { mergeFacts } from './merge-facts';
import { mergeResults } from './merge-results';
import type { Banner, Coverage, SectionId, SourceSummary, Summary, SummaryRow } from './model';
import { SECTION_ORDER, SUMMARY_VERSION, emptySections } from './model';
import { markAllergyStatements } from './allergy-statements';

/** The last tie-break: the row's id (source and `Type/id`), so no order depends on the server's. */
const byId = (a: SummaryRow, b: SummaryRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Active before inactive, alerts first, findings before "no known …" statements, then most
 * recent first (rows without a date last), then by name and id: a total order.
 */
export function compareRows(a: SummaryRow, b: SummaryRow): number {
  if (a.active !== b.active) return a.active ? -1 : 1;
  if ((a.alert ?? false) !== (b.alert ?? false)) return a.alert ? -1 : 1;
  if (Boolean(a.statement) !== Boolean(b.statement)) return a.statement ? 1 : -1;
  return (b.date ?? '').localeCompare(a.date ?? '') || a.text.localeCompare(b.text) || byId(a, b);
}

/** Results are a timeline: newest first, whatever their status. */
const newestFirst = (a: SummaryRow, b: SummaryRow) => (b.date ?? '').localeCompare(a.date ?? '') || a.text.localeCompare(b.text) || byId(a, b);

/** Each source's rows in one order whatever order its server sent them in, before they are merged. */
const canonical = (rows: readonly SummaryRow[]) => [...rows].sort((a, b) => (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0) || byId(a, b));

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
    sections[id] = mergeSection(id, canonical(mine.flatMap((s) => s.sections[id] ?? []).filter((row) => row.patientKey === patientKey)));
  }
  // Withdrawn records are never merged or compared: listed apart, newest first.
  const removed: Partial<Record<SectionId, SummaryRow[]>> = {};
  for (const id of SECTION_ORDER) {
    const rows = mine.flatMap((s) => s.removed?.[id] ?? []).filter((row) => row.patientKey === patientKey);
    if (rows.length > 0) removed[id] = rows.sort(newestFirst);
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
    ...(Object.keys(removed).length > 0 ? { removed } : {}),
    ...(Object.keys(undrawn).length > 0 ? { undrawn } : {}),
    ...(Object.keys(resultsSince).length > 0 ? { resultsSince } : {}),
  };
}
