/**
 * The FHIR shapes moved to lib/fhir/resource.ts, the vocabulary sources/ and summary/ share; this
 * re-export keeps code written against the old path building until it imports lib/fhir directly.
 */
export * from '../fhir/resource';
