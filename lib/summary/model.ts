/** The summary model: what the panel shows, independent of how it is drawn. */

export type SectionId = 'allergies' | 'problems' | 'medications';

export const SECTION_ORDER: readonly SectionId[] = ['allergies', 'problems', 'medications'];

export const SECTION_TITLES: Record<SectionId, string> = {
  allergies: 'Allergies and intolerances',
  problems: 'Problems',
  medications: 'Medications',
};

export interface SummaryRow {
  /** Unique within a summary: `<sourceId>/<resourceType>/<id>`. */
  readonly id: string;
  readonly sourceId: string;
  /** The patient this fact belongs to (context key); the panel refuses rows for any other patient. */
  readonly patientKey: string;
  readonly text: string;
  /** Secondary line: reaction, dose, onset… */
  readonly detail?: string;
  /** Clinical status as sent (active, resolved, stopped…). */
  readonly status?: string;
  readonly active: boolean;
  /** ISO date the row is sorted by (onset, authored, recorded). */
  readonly date?: string;
  /** True for a high-criticality allergy: drawn so it cannot be missed. */
  readonly alert?: boolean;
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
}

export interface SourceSummary {
  readonly sourceId: string;
  readonly patientKey: string;
  readonly banner: Banner;
  readonly sections: Readonly<Record<SectionId, readonly SummaryRow[]>>;
  /** Sections that could not be fetched completely, with the reason (shown, never hidden). */
  readonly incomplete: Readonly<Partial<Record<SectionId, string>>>;
}

export interface Summary {
  readonly patientKey: string;
  readonly banner: Banner;
  readonly sections: Readonly<Record<SectionId, readonly SummaryRow[]>>;
  readonly incomplete: Readonly<Partial<Record<SectionId, string>>>;
  readonly sourceIds: readonly string[];
}
