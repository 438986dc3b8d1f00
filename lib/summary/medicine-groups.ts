/**
 * Medicines grouped the way the national Summary Care Record and GP systems show them: current
 * repeats first, then acutes issued in the last 12 months, then what was stopped in the last 6
 * months, kept behind a disclosure. Nothing is dropped: anything older is counted in `earlier`.
 */
import type { SummaryRow } from './model';

export interface MedicineGroups {
  /** Current repeat, repeat-dispensing and seasonal medicines, by name. */
  readonly repeats: readonly SummaryRow[];
  /** Acute medicines issued in the last 12 months, or still active; newest first. */
  readonly acutes: readonly SummaryRow[];
  /** Current medicines whose source did not say repeat or acute, by name. */
  readonly unstated: readonly SummaryRow[];
  /** Repeats (or unstated) stopped or ended in the last 6 months; newest first. */
  readonly recentlyStopped: readonly SummaryRow[];
  /** Older acutes and medicines stopped more than 6 months ago; newest first. */
  readonly earlier: readonly SummaryRow[];
}

const DAY_MS = 86_400_000;
const isoDaysBefore = (today: string, days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/** When an acute was last given: its last issue where sent, else when it was prescribed. */
const issuedOn = (row: SummaryRow) => row.prescription?.lastIssued ?? row.date ?? '';
/** When a stopped medicine ended: its end where sent, else its last issue, else its start. */
const endedOn = (row: SummaryRow) => row.end ?? row.prescription?.lastIssued ?? row.date ?? '';

const byName = (a: SummaryRow, b: SummaryRow) => a.text.localeCompare(b.text) || a.id.localeCompare(b.id);
const newestBy = (when: (row: SummaryRow) => string) => (a: SummaryRow, b: SummaryRow) => when(b).localeCompare(when(a)) || byName(a, b);

/**
 * Sorts medicine rows into the UK groups.
 * @param rows - the Medications section's rows
 * @param today - ISO date (YYYY-MM-DD) the windows are counted back from
 */
export function groupMedicines(rows: readonly SummaryRow[], today: string): MedicineGroups {
  const yearAgo = isoDaysBefore(today, 365);
  const halfYearAgo = isoDaysBefore(today, 183);
  const repeats: SummaryRow[] = [];
  const acutes: SummaryRow[] = [];
  const unstated: SummaryRow[] = [];
  const recentlyStopped: SummaryRow[] = [];
  const earlier: SummaryRow[] = [];
  for (const row of rows) {
    const course = row.prescription?.course;
    if (course === 'acute') (row.active || issuedOn(row) >= yearAgo ? acutes : earlier).push(row);
    else if (row.active) (course ? repeats : unstated).push(row);
    else (endedOn(row) >= halfYearAgo ? recentlyStopped : earlier).push(row);
  }
  return {
    repeats: repeats.sort(byName),
    acutes: acutes.sort(newestBy(issuedOn)),
    unstated: unstated.sort(byName),
    recentlyStopped: recentlyStopped.sort(newestBy(endedOn)),
    earlier: earlier.sort(newestBy((r) => (r.prescription?.course === 'acute' ? issuedOn(r) : endedOn(r)))),
  };
}
