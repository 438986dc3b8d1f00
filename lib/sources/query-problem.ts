/** A failed query's problem in a clinician's words. */
import { FhirRequestError } from './fhir-error';

/** The problem text for a resource type the server does not have (HTTP 404 on its search). */
export const NOT_OFFERED = 'this source does not offer this kind of record';

/** The words for why a query's records are missing. */
export function problemOf(error: unknown): string {
  if (error instanceof FhirRequestError && error.status === 404) return NOT_OFFERED;
  return error instanceof Error ? error.message : 'could not be loaded';
}
