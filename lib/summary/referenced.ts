/**
 * Finding the resource a reference points at among what a source sent: a contained resource
 * (`#id`, FHIR R4 3.1.1.4.8 / Resource.contained) or one fetched beside it (`Device/id`, relative or
 * absolute). The fetch layer delivers every referenced Medication and Device in the same answer as
 * the resources that point at them, so a row is built once with its referent present.
 */
import type { FhirResource } from '../fhir/resource';
import { objs, str } from './fields';

export type Resolve = (from: FhirResource, reference: unknown) => FhirResource | undefined;

/** `Type/id` of every resource with an id, for resolving references against one source's record. */
export function indexByReference(resources: readonly FhirResource[]): ReadonlyMap<string, FhirResource> {
  const index = new Map<string, FhirResource>();
  for (const resource of resources) if (typeof resource.id === 'string') index.set(`${resource.resourceType}/${resource.id}`, resource);
  return index;
}

/** A resolver over one source's resources; an unresolvable reference gives undefined, never a guess. */
export function resolverOver(index: ReadonlyMap<string, FhirResource>): Resolve {
  return (from, reference) => {
    const target = typeof reference === 'object' && reference !== null ? str(reference as Record<string, unknown>, 'reference') : undefined;
    if (!target) return undefined;
    if (target.startsWith('#')) {
      const id = target.slice(1);
      return objs(from, 'contained').find((c) => c['id'] === id) as FhirResource | undefined;
    }
    // Relative `Device/x` or absolute `https://server/fhir/Device/x` (possibly with `/_history/n`).
    const match = /([A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(\/_history\/[^/]+)?$/.exec(target);
    return match ? index.get(match[1]!) : undefined;
  };
}
