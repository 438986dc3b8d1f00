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

// Consent is on the first screen: a do-not-resuscitate decision must be read with the alerts.
const FIRST_SCREEN = ['AllergyIntolerance', 'Condition', 'MedicationRequest', 'MedicationStatement', 'Flag', 'Consent'];
const LATER = ['DiagnosticReport', 'ImagingStudy', 'Procedure', 'Immunization', 'Encounter', 'CarePlan', 'CareTeam', 'DocumentReference', 'DeviceUseStatement', 'FamilyMemberHistory'];

export interface QueryOptions {
  /** Fetch every Observation, not only those within the source's horizon ("Show older"). */
  readonly allResults?: boolean;
  /** `_include` values the source's CapabilityStatement offers (e.g. `MedicationRequest:medication`). */
  readonly includes?: readonly string[];
}

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

/** The date from which a source's Observations are fetched (ISO date), unless all are asked for. */
export function observationHorizon(source: SourceConfig, now: number, options: QueryOptions = {}): string | undefined {
  return options.allResults ? undefined : daysBefore(now, source.observationHorizonDays ?? SOURCE_LIMIT_DEFAULTS.observationHorizonDays);
}

/**
 * The queries for one patient in one source.
 * @param options - all results instead of the horizon; the `_include`s the source offers
 */
/**
 * A result series: Observations run from a few to thousands of records over many pages, so they
 * are asked for apart from the other types (fetch-record.ts, first-round.ts).
 */
export const isResultSeries = (query: PatientQuery): boolean => query.resourceType === 'Observation';

export function patientQueries(source: SourceConfig, patientId: string, now: number, options: QueryOptions = {}): PatientQuery[] {
  const id = `patient=${encodeURIComponent(patientId)}`;
  const first = `${id}&_count=${source.pageSize}`;
  const tail = `${id}&_count=${Math.max(source.pageSize, LONG_TAIL_PAGE_SIZE)}`;
  const horizon = observationHorizon(source, now, options);
  // A referenced Medication or Device comes in the same answer where the server offers it.
  const include = (type: string) => (options.includes ?? []).filter((i) => i.startsWith(`${type}:`)).map((i) => `&_include=${i}`).join('');
  return [
    ...FIRST_SCREEN.map((type) => ({ resourceType: type, url: `${type}?${first}${include(type)}`, firstScreen: true })),
    { resourceType: 'Observation', url: `Observation?${tail}&_sort=-date${horizon ? `&date=ge${horizon}` : ''}`, firstScreen: false },
    ...LATER.map((type) => ({ resourceType: type, url: `${type}?${tail}${include(type)}`, firstScreen: false })),
  ];
}
