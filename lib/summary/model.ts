/**
 * The summary model: what the panel shows, independent of how it is drawn. Plain data only (it is
 * cached as JSON), sections aligned with the HL7 International Patient Summary.
 */
import type { NegationScope } from '../fhir/negations';
import type { RecordContext } from '../fhir/record-context';

export type SectionId =
  | 'allergies'
  | 'alerts'
  | 'decisions'
  | 'problems'
  | 'medications'
  | 'results'
  | 'vitals'
  | 'imaging'
  | 'procedures'
  | 'immunizations'
  | 'encounters'
  | 'careplans'
  | 'devices'
  | 'familyhistory'
  | 'documents';

/**
 * General order: allergies always first; safety alerts next so a risk flag is never scrolled away,
 * and treatment-limiting decisions (DNACPR, ReSPECT, advance decisions) with them on the first screen.
 */
export const SECTION_ORDER: readonly SectionId[] = [
  'allergies', 'alerts', 'decisions', 'problems', 'medications', 'results', 'vitals',
  'imaging', 'procedures', 'immunizations', 'encounters', 'careplans', 'devices', 'familyhistory', 'documents',
];

export const SECTION_TITLES: Record<SectionId, string> = {
  allergies: 'Allergies and intolerances',
  alerts: 'Alerts',
  decisions: 'Treatment-limiting decisions',
  problems: 'Problems',
  medications: 'Medications',
  results: 'Results',
  vitals: 'Vital signs',
  imaging: 'Imaging',
  procedures: 'Procedures',
  immunizations: 'Immunisations',
  encounters: 'Encounters',
  careplans: 'Care plans and care team',
  devices: 'Devices and implants',
  familyhistory: 'Family history',
  documents: 'Documents',
};

/** Marks a row carries for the lenses (see tags.ts for what earns each). */
export type Tag =
  | 'cancer-diagnosis' | 'cancer-stage' | 'tumour-marker' | 'mdt-outcome' | 'cancer-treatment' | 'performance-status'
  | 'mh-diagnosis' | 'risk-flag' | 'crisis-plan' | 'care-coordinator' | 'mha-status'
  | 'lithium' | 'lithium-monitoring' | 'clozapine' | 'clozapine-monitoring';

/** One input resource behind a row: where it came from and what that source said. */
export interface Provenance {
  readonly sourceId: string;
  /** `ResourceType/id` at that source. */
  readonly ref: string;
  readonly detail?: string;
  readonly status?: string;
  readonly date?: string;
}

/** One value of a test: a dated number (or coded/text answer) exactly as sent. */
export interface ResultPoint {
  /** ISO dateTime as sent (effective time), used to order and to match duplicates. */
  readonly at?: string;
  readonly value?: number;
  /** Second number of a pair (diastolic of a blood pressure). */
  readonly value2?: number;
  /** The value as the clinician reads it, with its unit as sent: `57 mmol/mol`, `cT2`. */
  readonly display: string;
  readonly unit?: string;
  /** Abnormal flag in words (High, Low, Critical…) as the source interpreted it. */
  readonly flag?: string;
  /** Status of a value that is not final in words: preliminary, amended, corrected. */
  readonly status?: string;
  readonly range?: string;
  /** Every other reference range sent (another age band, a therapeutic or severity band), in words. */
  readonly otherRanges?: readonly string[];
  readonly low?: number;
  readonly high?: number;
  readonly sources: readonly Provenance[];
}

export interface TestResult {
  /** Newest first. */
  readonly points: readonly ResultPoint[];
  /**
   * Set only in the copy of a saved summary drawn first (first-screen-copy.ts), which holds the
   * newest values alone: what the whole series counts, so the row still says it truly.
   */
  readonly thinned?: SeriesCounts;
  /** How the test was named by each source, when the row's label is a grouped name. */
  readonly namesAsSent: readonly string[];
}

/** What a whole series counts, beside the newest values of it that a thinned copy holds. */
export interface SeriesCounts {
  /** Every value of the test. */
  readonly values: number;
  /** Numeric values in another unit than the newest one (not plotted). */
  readonly otherUnits: number;
}

export interface Conflict {
  /** Rows that look like the same fact but disagree. */
  readonly with: readonly string[];
  readonly reason: string;
}

export interface SummaryRow {
  /** Unique within a summary. */
  readonly id: string;
  /** The first source of the row (kept for callers that want one). */
  readonly sourceId: string;
  /** Every input resource this row stands for; across a summary each resource is in exactly one row. */
  readonly sources: readonly Provenance[];
  /** The patient this fact belongs to (context key); the panel refuses rows for any other patient. */
  readonly patientKey: string;
  /** What makes two rows the same fact (codes, or normalised text); stable across looks. */
  readonly key: string;
  readonly codes: readonly string[];
  readonly text: string;
  /** Secondary line: reaction, dose, stage, conclusion… */
  readonly detail?: string;
  /** Clinical status as sent (active, resolved, stopped…). */
  readonly status?: string;
  readonly active: boolean;
  /** ISO date the row is sorted by (onset, authored, effective, recorded). */
  readonly date?: string;
  /** ISO date the fact ended, where sent: a medicine's end, a discharge. */
  readonly end?: string;
  /** Drawn so it cannot be missed: high-criticality allergy, active alert, critical result. */
  readonly alert?: boolean;
  /** Extra lines: notes, care plan activities, team members, a report's results. */
  readonly items?: readonly string[];
  /** Plain text body of a document (never HTML). */
  readonly body?: string;
  /** Resource narrative (`text.div`) as sent: drawn only through a sanitiser. */
  readonly narrative?: string;
  readonly tags?: readonly Tag[];
  readonly conflict?: Conflict;
  readonly result?: TestResult;
  /** The source withdrew this record (entered in error, cancelled): shown only under "Removed by the source". */
  readonly removed?: Removal;
  /** A "no known …" or "no information" statement: never a finding, never an alert. */
  readonly statement?: Statement;
  /** Kind of allergy as sent (medication, food, environment, biologic): which statements it contradicts. */
  readonly category?: string;
  /** A Condition that is a family history or a history-of, not the patient's current diagnosis. */
  readonly context?: RecordContext;
  /** Every name the merged records were given, when they differ: a merge never hides a name. */
  readonly names?: readonly string[];
  /** How a medicine is prescribed, where the source said (medicines-uk.ts reads it). */
  readonly prescription?: Prescription;
}

export interface Removal {
  /** The status in words: `entered in error`, `cancelled`. */
  readonly words: string;
  /** When the source last changed the record (meta.lastUpdated), where sent. */
  readonly at?: string;
  /** Who recorded or asserted it, where sent. */
  readonly by?: string;
}

export interface Statement {
  readonly scope: NegationScope;
  readonly kind: 'none-known' | 'no-information';
}

/** UK prescribing facts of a medicine row: repeat or acute, last issue, review, quantity. */
export interface Prescription {
  /** repeat (continuous), repeat-dispensing, seasonal or acute; absent when the source did not say. */
  readonly course?: 'repeat' | 'repeat-dispensing' | 'seasonal' | 'acute';
  /** ISO date the medicine was last issued, where sent. */
  readonly lastIssued?: string;
  /** ISO date the repeat authorisation ends and must be reviewed, where sent. */
  readonly reviewDate?: string;
  /** Quantity per issue as sent: `28 tablet`. */
  readonly quantity?: string;
  /** Issues made against a repeat authorisation, where sent. */
  readonly issues?: number;
}

export interface Banner {
  readonly patientKey: string;
  readonly family?: string;
  readonly given?: string;
  readonly prefix?: string;
  readonly birthDate?: string;
  readonly gender?: string;
  readonly nhsNumber?: string;
  readonly deceasedDate?: string;
  /** False when the source says the NHS number is not verified (CUI "not verified" state). */
  readonly nhsNumberVerified?: boolean;
}

/** What one source returned for one section. */
export type Coverage =
  | { readonly state: 'returned'; readonly count: number }
  | { readonly state: 'empty' }
  | { readonly state: 'not-supported' }
  | { readonly state: 'failed'; readonly reason: string };

export interface SourceSummary {
  readonly sourceId: string;
  readonly patientKey: string;
  readonly banner: Banner;
  /** One row per input resource (imaging report and its study share one), before the merge. */
  readonly sections: Readonly<Record<SectionId, readonly SummaryRow[]>>;
  /** Sections that could not be fetched completely, with the reason (shown, never hidden). */
  readonly incomplete: Readonly<Partial<Record<SectionId, string>>>;
  readonly coverage?: Readonly<Record<SectionId, Coverage>>;
  /** Records the source withdrew, per section: never in the sections, never merged. */
  readonly removed?: Readonly<Partial<Record<SectionId, readonly SummaryRow[]>>>;
  /** Records of the patient this source returned that no section draws, counted by resource type. */
  readonly undrawn?: Readonly<Record<string, number>>;
  /** The date from which this source's Observations were fetched (the horizon); absent when all were. */
  readonly resultsSince?: string;
}

export interface Summary {
  /** Model version: a cached summary of another version is not drawn. */
  readonly version?: number;
  readonly patientKey: string;
  readonly banner: Banner;
  readonly sections: Readonly<Record<SectionId, readonly SummaryRow[]>>;
  readonly incomplete: Readonly<Partial<Record<SectionId, string>>>;
  readonly sourceIds: readonly string[];
  readonly coverage?: Readonly<Record<string, Readonly<Record<SectionId, Coverage>>>>;
  /** Records the sources withdrew (entered in error, cancelled), per section, for the "Removed by the source" disclosure. */
  readonly removed?: Readonly<Partial<Record<SectionId, readonly SummaryRow[]>>>;
  /** Per source: records of the patient returned but drawn in no section, by resource type. */
  readonly undrawn?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Per source: the Observation horizon applied (ISO date); a source absent here sent every result. */
  readonly resultsSince?: Readonly<Record<string, string>>;
}

/** 3: statuses, statements and removed records read by lib/fhir's rules; older copies are not drawn. */
export const SUMMARY_VERSION = 3;

/** An empty record per section. */
export function emptySections<T>(make: () => T): Record<SectionId, T> {
  return Object.fromEntries(SECTION_ORDER.map((id) => [id, make()])) as Record<SectionId, T>;
}
