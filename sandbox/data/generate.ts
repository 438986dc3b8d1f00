/**
 * The sandbox world's records: every resource one source holds, generated deterministically from
 * the roster and a seed. Same seed, same JSON, byte for byte.
 */
import type { Resource } from '@medplum/fhirtypes';
import type { SourceId } from '../config';
import { SOURCES } from '../config';
import { createRng, seedFor } from './prng';
import { ROSTER } from './roster';
import { createCtx } from './builders/context';
import { buildOrganization, buildPatient } from './builders/patient';
import { STORIES } from './stories/index';
import { DUPLICATE_ID_SUFFIX } from './stories/duplicate-patient';

export const DEFAULT_SEED = 20261126;

/** The Patient record was last touched when its newest clinical entry was. */
function newest(resources: readonly Resource[], fallback: string): string {
  let latest = fallback;
  for (const r of resources) {
    const t = r.meta?.lastUpdated;
    if (t && t > latest) latest = t;
  }
  return latest;
}

/**
 * Every resource the source holds: an Organization for itself, a Patient per roster patient it
 * knows (two for the duplicate-patient story at the acute trust) and their clinical records.
 * @param sourceId - which sandbox source
 * @param options - `seed` selects a different but equally stable world
 */
export function generateSourceResources(sourceId: SourceId, options: { seed?: number } = {}): Resource[] {
  const source = SOURCES.find((s) => s.id === sourceId);
  if (!source) throw new Error(`Unknown source ${sourceId}`);
  const seed = options.seed ?? DEFAULT_SEED;
  const out: Resource[] = [buildOrganization(source, '2015-04-01T09:00:00Z')];
  for (const patient of ROSTER) {
    if (!patient.sources.includes(sourceId)) continue;
    const clinical: Resource[] = [];
    const ctx = createCtx(patient, source, createRng(seedFor(seed, `${patient.key}-${sourceId}`)), clinical);
    STORIES[patient.story](ctx);
    const registered = `${patient.birthDate > '2000-01-01' ? patient.birthDate : '2000-01-04'}T09:00:00Z`;
    out.push(buildPatient(patient, source, { lastUpdated: newest(clinical, registered) }));
    if (patient.story === 'duplicate-patient' && sourceId === 'acute') {
      const dupId = `${ctx.patientId}${DUPLICATE_ID_SUFFIX}`;
      const dupRecords = clinical.filter((r) => JSON.stringify(r).includes(`"Patient/${dupId}"`));
      out.push(buildPatient(patient, source, { id: dupId, mrnVariant: 1, lastUpdated: newest(dupRecords, '2025-04-02T22:15:00Z') }));
    }
    out.push(...clinical);
  }
  return out;
}
