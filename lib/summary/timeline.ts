/**
 * One chronological list of what happened: admissions and other encounters, procedures, key
 * (flagged) results, imaging, documents and when medicines were started and stopped. Built from
 * the merged summary, so an event seen by two sources is one event with both sources. Newest first;
 * a long silence between two events is shown as a gap, so "nothing recorded" is never read as
 * "nothing happened" without saying so.
 */
import type { Summary, SummaryRow } from './model';

export type TimelineKind = 'admission' | 'encounter' | 'procedure' | 'result' | 'imaging' | 'document' | 'medicine-started' | 'medicine-stopped';

export const TIMELINE_KINDS: readonly { readonly id: TimelineKind; readonly label: string }[] = [
  { id: 'admission', label: 'Admissions' },
  { id: 'encounter', label: 'Encounters' },
  { id: 'procedure', label: 'Procedures' },
  { id: 'result', label: 'Key results' },
  { id: 'imaging', label: 'Imaging' },
  { id: 'document', label: 'Documents' },
  { id: 'medicine-started', label: 'Medicines started' },
  { id: 'medicine-stopped', label: 'Medicines stopped' },
];

export interface TimelineEvent {
  readonly type: 'event';
  readonly id: string;
  /** ISO date (or year, year-month) as sent. */
  readonly date: string;
  readonly kind: TimelineKind;
  readonly text: string;
  readonly detail?: string;
  readonly rowId: string;
  readonly patientKey: string;
  /** Every source that holds this event, in the row's order. */
  readonly sourceIds: readonly string[];
}

export interface TimelineGap {
  readonly type: 'gap';
  /** Older event's date. */
  readonly from: string;
  /** Newer event's date. */
  readonly to: string;
  readonly days: number;
}

/** Encounter classes of a stay in hospital (HL7 v3 ActCode IMP, ACUTE, NONAC), as code or display. */
const ADMISSION = /\b(IMP|ACUTE|NONAC|inpatient)\b/i;
const STOPPED = ['stopped', 'completed', 'cancelled'];

const sourcesOf = (row: SummaryRow) => [...new Set(row.sources.map((s) => s.sourceId))];

function event(row: SummaryRow, kind: TimelineKind, date: string, text = row.text, detail = row.detail, sourceIds = sourcesOf(row)): TimelineEvent {
  return { type: 'event', id: `${row.id}#${kind}#${date}`, date, kind, text, detail, rowId: row.id, patientKey: row.patientKey, sourceIds };
}

function eventsOfRow(row: SummaryRow, section: string): TimelineEvent[] {
  switch (section) {
    case 'encounters':
      return row.date ? [event(row, ADMISSION.test(row.detail ?? '') ? 'admission' : 'encounter', row.date)] : [];
    case 'procedures':
      return row.date ? [event(row, 'procedure', row.date)] : [];
    case 'imaging':
      return row.date ? [event(row, 'imaging', row.date)] : [];
    case 'documents':
      return row.date ? [event(row, 'document', row.date)] : [];
    case 'medications': {
      const out = row.date ? [event(row, 'medicine-started', row.date)] : [];
      const stopped = row.end && (!row.active || STOPPED.includes(row.status ?? ''));
      return stopped ? [...out, event(row, 'medicine-stopped', row.end!)] : out;
    }
    case 'results':
      // Key results: each value the source flagged as outside its range.
      return (row.result?.points ?? [])
        .filter((p) => p.flag && p.at)
        .map((p) => event(row, 'result', p.at!.slice(0, 10), row.text, `${p.display} (${p.flag})`, [...new Set(p.sources.map((s) => s.sourceId))]));
    default:
      return [];
  }
}

/** Newest first; the same day by kind then text, so the order never depends on source order. */
function newestFirst(a: TimelineEvent, b: TimelineEvent): number {
  return b.date.localeCompare(a.date) || TIMELINE_KINDS.findIndex((k) => k.id === a.kind) - TIMELINE_KINDS.findIndex((k) => k.id === b.kind) || a.text.localeCompare(b.text) || a.id.localeCompare(b.id);
}

/**
 * Every dated event of the summary, newest first.
 * @param summary - the merged summary
 */
export function timelineEvents(summary: Summary): TimelineEvent[] {
  const events = Object.entries(summary.sections).flatMap(([section, rows]) => rows.flatMap((row) => eventsOfRow(row, section)));
  return events.sort(newestFirst);
}

const dayOf = (date: string) => Date.parse(`${date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date.slice(0, 10)}T00:00:00Z`);

/**
 * The events with a gap between any two neighbours more than `minDays` apart.
 * @param events - newest first
 * @param minDays - the shortest silence shown as a gap
 */
export function withGaps(events: readonly TimelineEvent[], minDays = 183): (TimelineEvent | TimelineGap)[] {
  const out: (TimelineEvent | TimelineGap)[] = [];
  events.forEach((e, i) => {
    const older = events[i + 1];
    out.push(e);
    if (!older) return;
    const days = Math.round((dayOf(e.date) - dayOf(older.date)) / 86_400_000);
    if (days > minDays) out.push({ type: 'gap', from: older.date, to: e.date, days });
  });
  return out;
}

export interface TimelineFilter {
  /** Sources to keep; an event is kept when any of its sources is. Undefined keeps all. */
  readonly sources?: ReadonlySet<string>;
  readonly kinds?: ReadonlySet<TimelineKind>;
}

/** The events that pass the clinician's source and type filter. */
export function filterTimeline(events: readonly TimelineEvent[], filter: TimelineFilter): TimelineEvent[] {
  return events.filter((e) => (!filter.kinds || filter.kinds.has(e.kind)) && (!filter.sources || e.sourceIds.some((s) => filter.sources!.has(s))));
}
