/**
 * Patient identity as NHS Common User Interface (CUI) guidance shows it: `HOLLOWAY, Susan (Mrs)`,
 * `14-Mar-1962`, `(64y)`, `999 000 0018`. Ages are from the real date, as a live EPR's would be.
 */
import type { RosterPatient } from '../data/roster';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** @param nhsNumber - ten digits; shown 3-3-4 */
export function formatNhsNumber(nhsNumber: string): string {
  return `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`;
}

/** @param date - FHIR date or dateTime; shown `14-Mar-1962` */
export function formatCuiDate(date: string): string {
  const [year = '', month = '1', day = '1'] = date.slice(0, 10).split('-');
  return `${day.padStart(2, '0')}-${MONTHS[Number(month) - 1] ?? '???'}-${year}`;
}

/** Local calendar date as YYYY-MM-DD. */
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * CUI age: years from two, months under two, days under a month.
 * @param birthDate - FHIR date
 * @param onDate - YYYY-MM-DD the age is at (today, or the date of death)
 */
export function cuiAge(birthDate: string, onDate: string): string {
  const [by = 0, bm = 1, bd = 1] = birthDate.split('-').map(Number);
  const [oy = 0, om = 1, od = 1] = onDate.slice(0, 10).split('-').map(Number);
  let months = (oy - by) * 12 + (om - bm);
  if (od < bd) months -= 1;
  if (months >= 24) return `${Math.floor(months / 12)}y`;
  if (months >= 1) return `${months}m`;
  const days = Math.round((Date.UTC(oy, om - 1, od) - Date.UTC(by, bm - 1, bd)) / 86_400_000);
  return `${Math.max(days, 0)}d`;
}

/** `HOLLOWAY, Susan (Mrs)`; no title, no brackets. */
export function cuiName(patient: RosterPatient): string {
  const name = `${patient.family.toUpperCase()}, ${patient.given}`;
  return patient.prefix === undefined ? name : `${name} (${patient.prefix})`;
}

export function genderLabel(patient: RosterPatient): string {
  return patient.gender === 'female' ? 'Female' : 'Male';
}
