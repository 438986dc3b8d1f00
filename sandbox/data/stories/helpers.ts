/** Small generators the stories share: noisy trends and clinic timetables. */
import { addDays, at, every } from '../clock';
import type { Rng } from '../prng';
import type { Test } from '../codes/loinc';
import type { Ctx } from '../builders/context';
import { observation } from '../builders/observations';

/** `n` values drifting from `from` to `to`, each jittered by up to `noise`. */
export function trend(rng: Rng, n: number, from: number, to: number, noise: number): number[] {
  return Array.from({ length: n }, (_, i) => from + ((to - from) * i) / Math.max(1, n - 1) + (rng.next() * 2 - 1) * noise);
}

/** Clinic dates every `step` days with a few days' slack either way, as real appointments fall. */
export function clinicDates(rng: Rng, start: string, end: string, step: number, slack = 3): string[] {
  return every(start, end, step).map((d) => addDays(d, rng.int(-slack, slack))).filter((d, i, all) => i === 0 || d > (all[i - 1] ?? ''));
}

/** A morning phlebotomy time on `date`. */
export const draw = (rng: Rng, date: string): string => at(date, `0${rng.int(8, 9)}:${String(rng.int(0, 5) * 10).padStart(2, '0')}`);

/** One Observation per date, values from `values` (same length). */
export function series(ctx: Ctx, test: Test, dates: readonly string[], values: readonly number[]): void {
  dates.forEach((d, i) => observation(ctx, test, values[i] ?? values[values.length - 1] ?? 0, draw(ctx.rng, d)));
}

/** eGFR (CKD-EPI 2009, no ethnicity term) from creatinine, so paired results agree. */
export function egfrFrom(creatinineUmol: number, age: number, female: boolean): number {
  const scr = creatinineUmol / 88.4;
  const k = female ? 0.7 : 0.9;
  const a = female ? -0.329 : -0.411;
  const v = 141 * Math.min(scr / k, 1) ** a * Math.max(scr / k, 1) ** -1.209 * 0.993 ** age * (female ? 1.018 : 1);
  return Math.min(90, Math.round(v));
}

/** Age in whole years on `date`. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
