/**
 * "Changed since you last looked": a small snapshot of what was shown, and the marks a new summary
 * earns against it. Matching is by each row's key (codes, not row ids), so a fact that moved
 * between sources or was merged differently is not reported as new.
 */
import { datesCompatible } from './match-rules';
import type { SectionId, Summary, SummaryRow } from './model';

export interface Snapshot {
  readonly v: 1;
  readonly patientKey: string;
  readonly allergies: readonly string[];
  /** Problem key and onset: a new episode of a known problem is new. */
  readonly problems: readonly (readonly [string, string])[];
  readonly medications: Readonly<Record<string, { readonly text: string; readonly active: boolean }>>;
  /** Test key → time of its newest value. */
  readonly results: Readonly<Record<string, string>>;
}

export type ChangeMark = 'new' | 'new-result' | 'stopped' | 'restarted';

export interface Changes {
  /** Row id → what changed. */
  readonly marks: Readonly<Record<string, ChangeMark>>;
  /** Medicines shown last time that no source lists now. */
  readonly gone: readonly string[];
}

const RESULT_SECTIONS: readonly SectionId[] = ['results', 'vitals'];
const newestAt = (row: SummaryRow) => row.result?.points[0]?.at ?? row.date ?? '';

/** The snapshot of a summary that was shown. */
export function snapshotOf(summary: Summary): Snapshot {
  const medications: Record<string, { text: string; active: boolean }> = {};
  for (const row of summary.sections.medications ?? []) {
    medications[row.key] = { text: row.text, active: row.active || (medications[row.key]?.active ?? false) };
  }
  const results: Record<string, string> = {};
  for (const row of RESULT_SECTIONS.flatMap((id) => summary.sections[id] ?? [])) if (row.result) results[row.key] = newestAt(row);
  return {
    v: 1,
    patientKey: summary.patientKey,
    allergies: (summary.sections.allergies ?? []).map((r) => r.key),
    problems: (summary.sections.problems ?? []).map((r) => [r.key, r.date ?? ''] as const),
    medications,
    results,
  };
}

/**
 * Marks what is new in `summary` since `snapshot`: new allergies and problems, new, stopped or
 * restarted medicines, and tests with a newer value. A snapshot of another patient gives no marks.
 */
export function changesSince(snapshot: Snapshot | undefined, summary: Summary): Changes {
  if (!snapshot || snapshot.v !== 1 || snapshot.patientKey !== summary.patientKey) return { marks: {}, gone: [] };
  const marks: Record<string, ChangeMark> = {};
  for (const row of summary.sections.allergies ?? []) if (!snapshot.allergies.includes(row.key)) marks[row.id] = 'new';
  for (const row of summary.sections.problems ?? []) {
    const known = snapshot.problems.some(([key, date]) => key === row.key && datesCompatible(date || undefined, row.date, 31));
    if (!known) marks[row.id] = 'new';
  }
  for (const row of summary.sections.medications ?? []) {
    const before = snapshot.medications[row.key];
    if (!before) marks[row.id] = 'new';
    else if (before.active && !row.active) marks[row.id] = 'stopped';
    else if (!before.active && row.active) marks[row.id] = 'restarted';
  }
  for (const row of RESULT_SECTIONS.flatMap((id) => summary.sections[id] ?? [])) {
    if (!row.result) continue;
    const before = snapshot.results[row.key];
    if (before === undefined || newestAt(row) > before) marks[row.id] = 'new-result';
  }
  const now = new Set((summary.sections.medications ?? []).map((r) => r.key));
  const gone = Object.entries(snapshot.medications).filter(([key]) => !now.has(key)).map(([, m]) => m.text);
  return { marks, gone };
}
