/**
 * When two sources hold the same fact, and when records that look alike disagree. Each rule says
 * which hazard it guards against: a duplicate that hides nothing is merged; a disagreement is never
 * merged away, it stays as two rows marked as a conflict for the clinician to resolve.
 */
import { isGenericCode } from '../fhir/generic-codes';
import { normaliseText } from './codeable-text';
import type { SectionId, SummaryRow } from './model';
import { UNNAMED } from './row-base';

export interface FactRule {
  /** True when `a` and `b` describe the same fact. */
  readonly same: (a: SummaryRow, b: SummaryRow) => boolean;
  /** Why two rows describing the same fact disagree, if they do. */
  readonly disagreement: (a: SummaryRow, b: SummaryRow) => string | undefined;
  /** Which date the merged row shows: the first onset, or the latest record. */
  readonly date: 'earliest' | 'latest';
}

const DAY = 86_400_000;

const specificCodes = (row: SummaryRow) => row.codes.filter((c) => !isGenericCode(c));
const systemOf = (code: string) => code.slice(0, code.lastIndexOf('|'));

/**
 * The same fact: a shared specific code (any system), or the same words with no codes that
 * contradict them (both coded in one system, differently). Generic codes never count: two
 * "transfer-degraded drug allergy" records are two drugs. A record that names nothing is never
 * the same as anything, and a "no known …" statement is only ever the same statement.
 */
export function sameThing(a: SummaryRow, b: SummaryRow): boolean {
  const [codesA, codesB] = [specificCodes(a), specificCodes(b)];
  if (codesA.some((c) => codesB.includes(c))) return true;
  if (a.statement || b.statement) return a.statement?.scope === b.statement?.scope && a.statement?.kind === b.statement?.kind;
  if (UNNAMED.test(a.text) || UNNAMED.test(b.text) || normaliseText(a.text) !== normaliseText(b.text)) return false;
  return !codesA.some((c) => codesB.some((d) => systemOf(c) === systemOf(d)));
}

/** Dates that can be the same event: equal at the precision both carry, or within `days`. */
export function datesCompatible(a: string | undefined, b: string | undefined, days: number): boolean {
  if (!a || !b) return true;
  if (a.length < 10 || b.length < 10) return a.startsWith(b) || b.startsWith(a);
  return Math.abs(Date.parse(a) - Date.parse(b)) <= days * DAY;
}

/** Dose words compared without case, spacing or a final full stop; "as directed" says no dose. */
function doseOf(row: SummaryRow): string | undefined {
  const dose = row.detail?.toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '').trim();
  return !dose || /\bas directed\b/.test(dose) ? undefined : dose;
}

/** The days a medicine covers: open-ended while active, a single day when stopped without an end. */
function span(row: SummaryRow): [number, number] {
  const start = row.date ? Date.parse(row.date) : -Infinity;
  const end = row.end ? Date.parse(row.end) : row.active ? Infinity : start;
  return [start, end];
}

const statusWords = (a: SummaryRow, b: SummaryRow) => `${a.status ?? (a.active ? 'active' : 'inactive')} / ${b.status ?? (b.active ? 'active' : 'inactive')}`;

export const FACT_RULES: Partial<Record<SectionId, FactRule>> = {
  allergies: {
    same: sameThing,
    disagreement: (a, b) => {
      // An allergy resolved at one source only: merging would either hide a live allergy or
      // show a resolved one as current. The clinician must see both and ask.
      if (a.active !== b.active) return `Sources disagree on whether this allergy is current (${statusWords(a, b)})`;
      // Criticality decides whether a drug may be tried at all; never average it away.
      if (Boolean(a.alert) !== Boolean(b.alert)) return 'Sources disagree on criticality';
      return undefined;
    },
    date: 'earliest',
  },
  problems: {
    // Same code and an onset within a month: the same diagnosis recorded twice. A distant onset is
    // another episode (a second UTI, a recurrence) and must stay its own row.
    same: (a, b) => sameThing(a, b) && datesCompatible(a.date, b.date, 31),
    disagreement: (a, b) => {
      // "Active" at one source and "resolved" at another: showing either alone misleads.
      if (a.active !== b.active) return `Sources disagree on status (${statusWords(a, b)})`;
      // A provisional diagnosis merged into a confirmed one would read as confirmed.
      if ((a.detail ?? '').includes('provisional') !== (b.detail ?? '').includes('provisional')) return 'Confirmed at one source, provisional at another';
      return undefined;
    },
    date: 'earliest',
  },
  medications: {
    // Same medicine over overlapping dates: one course of treatment known to two systems.
    same: (a, b) => {
      if (!sameThing(a, b)) return false;
      const [s1, e1] = span(a);
      const [s2, e2] = span(b);
      return s1 <= e2 && s2 <= e1;
    },
    disagreement: (a, b) => {
      // Two doses for one medicine is the classic reconciliation error: show both, never pick one.
      const [d1, d2] = [doseOf(a), doseOf(b)];
      if (d1 && d2 && d1 !== d2) return 'Sources disagree on the dose';
      // Taking at one source, stopped at another: the clinician must know which is true.
      if (a.active !== b.active) return `Sources disagree on whether it is still taken (${statusWords(a, b)})`;
      return undefined;
    },
    date: 'latest',
  },
  procedures: {
    // The same procedure on the same day reported by the hospital and echoed by the GP.
    same: (a, b) => sameThing(a, b) && datesCompatible(a.date, b.date, 0),
    disagreement: (a, b) => (a.status && b.status && a.status !== b.status ? `Sources disagree on status (${statusWords(a, b)})` : undefined),
    date: 'earliest',
  },
  immunizations: {
    // A dose given once and recorded twice must not look like two doses.
    same: (a, b) => sameThing(a, b) && datesCompatible(a.date, b.date, 0),
    disagreement: (a, b) => ((a.status === 'not-done') !== (b.status === 'not-done') ? 'Given at one source, not given at another' : undefined),
    date: 'earliest',
  },
  encounters: {
    same: (a, b) => a.key === b.key,
    disagreement: () => undefined,
    date: 'earliest',
  },
};
