/** Fetches the first-screen sections of one resolved patient from one source. */
import type { SectionId } from '../summary/model';
import type { FhirGet } from './fhir-http';
import type { FhirResource } from './fhir-types';
import { searchAll } from './search';

export const SECTION_SEARCHES: Readonly<Record<SectionId, readonly string[]>> = {
  allergies: ['AllergyIntolerance'],
  problems: ['Condition'],
  medications: ['MedicationRequest', 'MedicationStatement'],
};

/** Enough pages for any real record at 100 a page; beyond it the section says it is incomplete. */
const MAX_PAGES = 50;

export interface SectionsResult {
  readonly resources: FhirResource[];
  readonly incomplete: Partial<Record<SectionId, string>>;
}

/**
 * Runs every section's searches in parallel. A failed or truncated section is reported as
 * incomplete with the reason, so an allergy list that did not load is never shown as "none".
 */
export async function fetchSections(get: FhirGet, baseUrl: string, patientId: string, pageSize: number, signal: AbortSignal): Promise<SectionsResult> {
  const incomplete: Partial<Record<SectionId, string>> = {};
  const jobs = (Object.entries(SECTION_SEARCHES) as [SectionId, readonly string[]][]).flatMap(([section, types]) =>
    types.map(async (type) => {
      const url = `${baseUrl}/${type}?patient=${encodeURIComponent(patientId)}&_count=${pageSize}`;
      try {
        const result = await searchAll(get, url, { signal, maxPages: MAX_PAGES });
        if (result.truncated) incomplete[section] = 'more records than fhirside could load';
        return result.resources;
      } catch (error) {
        if (signal.aborted) throw error;
        incomplete[section] = error instanceof Error ? error.message : 'could not be loaded';
        return [];
      }
    }),
  );
  const resources = (await Promise.all(jobs)).flat();
  return { resources, incomplete };
}
