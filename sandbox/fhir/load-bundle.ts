/**
 * Someone else's FHIR data in a sandbox source: the resources of a transaction, batch, document or
 * collection Bundle, stored as a server that processed it as a transaction would store them —
 * each entry keeps its id (or the id its `fullUrl` names, or a new one), and every reference to an
 * entry's `fullUrl` (`urn:uuid:…`, an absolute URL) is rewritten to `Type/id`.
 * The Bundle's Patient must carry an NHS number (`https://fhir.nhs.uk/Id/nhs-number`) for an EPR
 * page to find it; nothing is added here, so what is loaded is exactly what was written.
 */
import { randomUUID } from 'node:crypto';
import type { Bundle, Resource } from '@medplum/fhirtypes';

const LOADABLE = new Set(['transaction', 'batch', 'document', 'collection', 'searchset']);

/** `Type/id` a fullUrl names (`https://x/fhir/Patient/123`), if it names one. */
function typeAndId(fullUrl: string | undefined, resourceType: string): string | undefined {
  const match = fullUrl ? new RegExp(`(?:^|/)${resourceType}/([A-Za-z0-9\\-.]{1,64})$`).exec(fullUrl) : null;
  return match?.[1];
}

/** Rewrites every `reference` in a value, depth first, through `map`. */
function rewriteReferences(value: unknown, map: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteReferences(v, map));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    out[key] = key === 'reference' && typeof field === 'string' ? (map.get(field) ?? field) : rewriteReferences(field, map);
  }
  return out;
}

/**
 * The resources of a Bundle as a source would hold them; throws with a message saying what is wrong.
 * @param now - the lastUpdated given to resources that carry none (ISO instant)
 */
export function resourcesFromBundle(bundle: unknown, now: string = new Date().toISOString()): Resource[] {
  const b = bundle as Bundle | undefined;
  if (b?.resourceType !== 'Bundle') throw new Error('not a FHIR Bundle (resourceType must be "Bundle")');
  if (!LOADABLE.has(b.type ?? '')) throw new Error(`a Bundle of type "${b.type}" cannot be loaded; use ${[...LOADABLE].join(', ')}`);
  const entries = (b.entry ?? []).filter((e) => e.resource && e.request?.method !== 'DELETE');
  const map = new Map<string, string>();
  const withIds = entries.map((entry) => {
    const resource = entry.resource!;
    const id = resource.id ?? typeAndId(entry.fullUrl, resource.resourceType) ?? randomUUID();
    if (entry.fullUrl) map.set(entry.fullUrl, `${resource.resourceType}/${id}`);
    return { ...resource, id } as Resource;
  });
  return withIds.map((resource) => {
    const rewritten = rewriteReferences(resource, map) as Resource;
    return { ...rewritten, meta: { ...rewritten.meta, lastUpdated: rewritten.meta?.lastUpdated ?? now } };
  });
}
