/**
 * The sandbox world's fixed "today". Generated records are dated relative to it, never to the
 * wall clock, so the same seed always yields the same JSON (and "3 months ago" stays true in
 * screenshots taken a year apart).
 */

export const TODAY = '2026-11-26';
const DAY_MS = 86_400_000;
const TODAY_MS = Date.parse(`${TODAY}T00:00:00Z`);

/** A FHIR date (YYYY-MM-DD) `days` before TODAY. */
export function daysAgo(days: number): string {
  return new Date(TODAY_MS - Math.round(days) * DAY_MS).toISOString().slice(0, 10);
}

/** A FHIR date `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + Math.round(days) * DAY_MS).toISOString().slice(0, 10);
}

/** A FHIR instant on `date` at a local clock time, e.g. at(d, '09:30'). UK clocks: BST ignored. */
export function at(date: string, time: string): string {
  return `${date.slice(0, 10)}T${time}:00Z`;
}

/** Whole days between two dates (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b.slice(0, 10)}T00:00:00Z`) - Date.parse(`${a.slice(0, 10)}T00:00:00Z`)) / DAY_MS);
}

/** Dates from `start` to `end` (inclusive, capped at TODAY) every `step` days. */
export function every(start: string, end: string, step: number): string[] {
  const out: string[] = [];
  const last = end > TODAY ? TODAY : end;
  for (let d = start; d <= last; d = addDays(d, step)) out.push(d);
  return out;
}

/** Caps an instant at TODAY: a source cannot have updated a record in the future. */
export function notAfterToday(instant: string): string {
  return instant.slice(0, 10) > TODAY ? `${TODAY}T08:00:00Z` : instant;
}

/** Day of week, 0 = Sunday. */
export function weekday(date: string): number {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`).getUTCDay();
}
