/**
 * What fhirside asks each source for, per patient. The first-screen queries (what a clinician
 * must see at once: allergies, problems, medicines, alerts) go first, batched where the server
 * allows; the long tail follows. Observations come newest first within a horizon, so a
 * 10,000-result record neither blocks the first screen nor floods the panel.
 */
import { SOURCE_LIMIT_DEFAULTS, type SourceConfig } from './source-config';

export interface PatientQuery {
  readonly resourceType: string;
  /** Relative search URL, e.g. `Condition?patient=123&_count=100`. */
  readonly url: string;
  readonly firstScreen: boolean;
}

const FIRST_SCREEN = ['AllergyIntolerance', 'Condition', 'MedicationRequest', 'MedicationStatement', 'Flag'];
const LATER = ['DiagnosticReport', 'ImagingStudy', 'Procedure', 'Immunization', 'Encounter', 'CarePlan', 'CareTeam', 'DocumentReference'];

/** ISO date `days` before `now`. */
function daysBefore(now: number, days: number): string {
  return new Date(now - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The long tail asks for pages of at least this many. `next` links must be followed one after
 * another, so a 6,000-result Observation search in pages of 100 is sixty round trips in a row
 * (a second on loopback, far more over a WAN); in pages of 1,000 it is six. Servers clamp `_count`
 * to their own maximum, so asking for more than they give is harmless.
 */
export const LONG_TAIL_PAGE_SIZE = 1000;

/** The queries for one patient in one source. */
export function patientQueries(source: SourceConfig, patientId: string, now: number): PatientQuery[] {
  const id = `patient=${encodeURIComponent(patientId)}`;
  const first = `${id}&_count=${source.pageSize}`;
  const tail = `${id}&_count=${Math.max(source.pageSize, LONG_TAIL_PAGE_SIZE)}`;
  const horizon = daysBefore(now, source.observationHorizonDays ?? SOURCE_LIMIT_DEFAULTS.observationHorizonDays);
  return [
    ...FIRST_SCREEN.map((type) => ({ resourceType: type, url: `${type}?${first}`, firstScreen: true })),
    { resourceType: 'Observation', url: `Observation?${tail}&_sort=-date&date=ge${horizon}`, firstScreen: false },
    ...LATER.map((type) => ({ resourceType: type, url: `${type}?${tail}`, firstScreen: false })),
  ];
}
