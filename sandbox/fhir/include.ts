/**
 * `_include` for the references a patient summary follows (FHIR R4 search 3.1.1.5.5): the resources
 * a page's matches point at through one reference parameter, added as `include` entries. Only a
 * plain `Type:param` on a reference parameter; `:iterate` and `_revinclude` stay refused.
 */
import type { Bundle, BundleEntry, Reference, Resource } from '@medplum/fhirtypes';
import type { IncludeTarget } from '@medplum/core';
import { evalFhirPath } from '@medplum/core';
import { searchParameter } from './definitions';

/** The include parameters this server answers, as its CapabilityStatement lists them. */
export const SEARCH_INCLUDES: Readonly<Record<string, readonly string[]>> = {
  MedicationRequest: ['MedicationRequest:medication'],
  MedicationStatement: ['MedicationStatement:medication'],
  DeviceUseStatement: ['DeviceUseStatement:device'],
};

/** True for an include this server answers. */
export function isSupportedInclude(include: IncludeTarget): boolean {
  return !include.modifier && (SEARCH_INCLUDES[include.resourceType] ?? []).includes(`${include.resourceType}:${include.searchParam}`);
}

/**
 * The resources the page's matches reference through `includes`, each once, read through `read`
 * (which applies the request's access rules; a referent it refuses or cannot find is left out).
 */
export async function includedEntries(page: Bundle, includes: readonly IncludeTarget[], baseUrl: string, read: (type: string, id: string) => Promise<Resource>): Promise<BundleEntry[]> {
  const targets = new Set<string>();
  for (const include of includes) {
    const expression = searchParameter(include.resourceType, include.searchParam)?.expression;
    if (!expression) continue;
    for (const entry of page.entry ?? []) {
      if (entry.resource?.resourceType !== include.resourceType) continue;
      for (const value of evalFhirPath(expression, entry.resource) as Reference[]) {
        const target = typeof value?.reference === 'string' ? value.reference : undefined;
        if (target && /^[A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/.test(target) && (!include.targetType || target.startsWith(`${include.targetType}/`))) targets.add(target);
      }
    }
  }
  const found = await Promise.all([...targets].map(async (target) => {
    const [type = '', id = ''] = target.split('/');
    return read(type, id).catch(() => undefined);
  }));
  return found.filter((r): r is Resource => Boolean(r)).map((resource) => ({ fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id ?? ''}`, resource, search: { mode: 'include' } }));
}
