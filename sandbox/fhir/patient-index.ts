/**
 * Resources by type and by the Patients they point at. Nearly every request the panel makes is
 * about one patient, so a search can start from that patient's few hundred resources instead of
 * every resource of the type at the source.
 */
import type { Resource } from '@medplum/fhirtypes';
import type { WithId } from '@medplum/core';

type ById = Map<string, WithId<Resource>>;

/** Every `Patient/x` a resource points at (and the Patient itself). */
function patientRefs(resource: WithId<Resource>): Set<string> {
  const refs = new Set<string>();
  if (resource.resourceType === 'Patient') refs.add(`Patient/${resource.id}`);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'reference' && typeof v === 'string' && v.startsWith('Patient/')) refs.add(v.split('/').slice(0, 2).join('/'));
        else if (typeof v === 'object') walk(v);
      }
    }
  };
  walk(resource);
  return refs;
}

export class PatientIndex {
  private readonly byType = new Map<string, ById>();
  private readonly byPatient = new Map<string, Map<string, ById>>();

  add(resource: WithId<Resource>): void {
    const { resourceType, id } = resource;
    this.remove(resourceType, id);
    let ofType = this.byType.get(resourceType);
    if (!ofType) this.byType.set(resourceType, (ofType = new Map()));
    ofType.set(id, resource);
    for (const ref of patientRefs(resource)) {
      let forPatient = this.byPatient.get(ref);
      if (!forPatient) this.byPatient.set(ref, (forPatient = new Map()));
      let typed = forPatient.get(resourceType);
      if (!typed) forPatient.set(resourceType, (typed = new Map()));
      typed.set(id, resource);
    }
  }

  remove(resourceType: string, id: string): void {
    const old = this.byType.get(resourceType)?.get(id);
    if (!old) return;
    this.byType.get(resourceType)?.delete(id);
    for (const ref of patientRefs(old)) this.byPatient.get(ref)?.get(resourceType)?.delete(id);
  }

  /** All resources of a type, or only those that reference `patientRef` (`Patient/x`), in load order. */
  list(resourceType: string, patientRef?: string): WithId<Resource>[] {
    const pool = patientRef ? this.byPatient.get(patientRef)?.get(resourceType) : this.byType.get(resourceType);
    return pool ? [...pool.values()] : [];
  }

  types(): string[] {
    return [...this.byType].filter(([, ofType]) => ofType.size > 0).map(([type]) => type).sort();
  }
}
