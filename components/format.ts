/** Display formats from NHS Common User Interface guidance: `14-Jul-1945`, 24-hour times. */

export { formatDate } from '../lib/summary/display-date';
import { formatDate } from '../lib/summary/display-date';

/** Whole years between a birth date and a day (default today). */
export function ageInYears(birthDate: string, on: Date = new Date()): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let age = on.getFullYear() - year;
  if (on.getMonth() + 1 < month || (on.getMonth() + 1 === month && on.getDate() < day)) age--;
  return age;
}

/** 24-hour clock time, with the date when it is not today: `09:05` or `09:05 on 24-Nov-2026`. */
export function formatTimestamp(ms: number, now: Date = new Date()): string {
  const at = new Date(ms);
  const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  const sameDay = at.toDateString() === now.toDateString();
  const iso = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
  return sameDay ? time : `${time} on ${formatDate(iso)}`;
}

/** "less than a minute", "5 minutes", "3 hours". */
export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

/** `943 476 5919` */
export { formatNhsNumber } from '../lib/context/nhs-number';
