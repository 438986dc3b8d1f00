/**
 * Non-clinical context an EPR screen shows around a patient: where they are, under whom, what is
 * booked. Derived from the roster story so each patient looks the part; dated from the real
 * today, so the screen always looks current.
 */
import type { RosterPatient, Story } from '../data/roster';
import { isoDate } from './format';

export interface Appointment {
  readonly date: string;
  readonly time: string;
  readonly clinic: string;
}

export interface Episode {
  readonly specialty: string;
  readonly consultant: string;
  /** Ward and bed for an inpatient; undefined for an outpatient. */
  readonly ward?: string;
  readonly admitted?: string;
  readonly appointments: readonly Appointment[];
}

const BY_STORY: Record<Story, { specialty: string; consultant: string; ward?: string }> = {
  'breast-cancer': { specialty: 'Breast Surgery', consultant: 'Miss L. Chen' },
  'bowel-cancer': { specialty: 'Colorectal Surgery', consultant: 'Mr J. Whitfield', ward: 'Ward 14 (Surgical), Bed 6' },
  'bipolar-lithium': { specialty: 'General Adult Psychiatry', consultant: 'Dr S. Okoye' },
  'diabetes-dedup': { specialty: 'Diabetes and Endocrinology', consultant: 'Dr A. Rahman' },
  ckd: { specialty: 'Renal Medicine', consultant: 'Dr M. Fitzgerald' },
  child: { specialty: 'Paediatrics', consultant: 'Dr H. Lindqvist' },
  deceased: { specialty: 'Respiratory Medicine', consultant: 'Dr P. Nair' },
  'one-source': { specialty: 'Trauma and Orthopaedics', consultant: 'Mr D. Kowalczyk' },
  'duplicate-patient': { specialty: 'General Surgery', consultant: 'Ms R. Adeyemi' },
  'huge-record': { specialty: 'Cardiology', consultant: 'Dr T. Brennan', ward: 'Ward 3 (Coronary Care), Bed 11' },
  'typical-three-sources': { specialty: 'Rheumatology', consultant: 'Dr E. Marsh' },
  'schizophrenia-clozapine': { specialty: 'Early Intervention in Psychosis', consultant: 'Dr S. Okoye' },
  'copd-heart-failure': { specialty: 'Respiratory Medicine', consultant: 'Dr P. Nair', ward: 'Ward 9 (Respiratory), Bed 7' },
};

function addDays(date: Date, days: number): string {
  const d = new Date(date);
  d.setDate(d.getDate() + days);
  return isoDate(d);
}

/**
 * @param patient - roster entry
 * @param today - the real date the page is rendered on
 */
export function episodeFor(patient: RosterPatient, today: Date): Episode {
  const base = BY_STORY[patient.story];
  const n = Number(patient.key.replace(/\D/g, '')) || 1;
  const times = ['09:00', '09:30', '10:15', '11:00', '13:45', '14:30', '15:15'];
  const alive = patient.deceasedDateTime === undefined;
  const appointments = alive
    ? [
        { date: addDays(today, 3 + (n % 5)), time: times[n % times.length] ?? '09:00', clinic: `${base.specialty} clinic` },
        { date: addDays(today, 20 + (n % 9)), time: times[(n + 3) % times.length] ?? '14:30', clinic: 'Phlebotomy (outpatients)' },
      ]
    : [];
  return {
    specialty: base.specialty,
    consultant: base.consultant,
    ...(base.ward === undefined || !alive ? {} : { ward: base.ward, admitted: addDays(today, -(2 + (n % 6))) }),
    appointments,
  };
}
