/**
 * What a story writes into: one patient's record at one source. Every resource goes through
 * `add`, which gives it a stable id and a meta.lastUpdated, so no builder can forget either.
 */
import type { CodeableConcept, Organization, Patient, Reference, Resource } from '@medplum/fhirtypes';
import type { SandboxSource } from '../../config';
import type { Rng } from '../prng';
import type { RosterPatient } from '../roster';
import { notAfterToday } from '../clock';
import type { Code } from '../codes/systems';

export interface Ctx {
  readonly patient: RosterPatient;
  readonly source: SandboxSource;
  readonly rng: Rng;
  /** `${key}-${sourceId}`: the Patient id every resource refers to. */
  readonly patientId: string;
  readonly out: Resource[];
  /** The Patient a builder refers to; a story may point it at a second record (duplicate-patient). */
  subject: Reference<Patient>;
  readonly counters: Map<string, number>;
}

export function createCtx(patient: RosterPatient, source: SandboxSource, rng: Rng, out: Resource[]): Ctx {
  const patientId = `${patient.key}-${source.id}`;
  return { patient, source, rng, patientId, out, subject: { reference: `Patient/${patientId}` }, counters: new Map() };
}

const PREFIX: Partial<Record<Resource['resourceType'], string>> = {
  Observation: 'obs', Condition: 'cond', AllergyIntolerance: 'alg', MedicationRequest: 'mrq',
  MedicationStatement: 'mst', DiagnosticReport: 'rpt', ImagingStudy: 'img', Procedure: 'proc',
  Immunization: 'imm', Encounter: 'enc', CarePlan: 'cpl', CareTeam: 'ctm', Flag: 'flag', DocumentReference: 'doc',
};

/**
 * Adds a resource with id `${patientId}-${prefix}${n}` and meta.lastUpdated `recorded` (capped at
 * TODAY). `recorded` is when the source last touched the record, not the clinical date.
 */
export function add<T extends Resource>(ctx: Ctx, resource: T, recorded: string): T & { id: string } {
  const prefix = PREFIX[resource.resourceType] ?? resource.resourceType.toLowerCase();
  const n = (ctx.counters.get(prefix) ?? 0) + 1;
  ctx.counters.set(prefix, n);
  const instant = recorded.length === 10 ? `${recorded}T12:00:00Z` : recorded;
  const { resourceType, ...rest } = resource;
  // resourceType, id and meta first, as servers serialise them: easier to read in a browser.
  const withMeta = { resourceType, id: `${ctx.patientId}-${prefix}${n}`, meta: { lastUpdated: notAfterToday(instant) }, ...rest } as T & { id: string };
  ctx.out.push(withMeta);
  return withMeta;
}

export const ref = <T extends Resource>(resource: T): Reference<T> => ({ reference: `${resource.resourceType}/${resource.id ?? ''}` });

export const concept = (code: Code, text?: string): CodeableConcept => ({ coding: [{ ...code }], text: text ?? code.display });

export const textConcept = (text: string): CodeableConcept => ({ text });

/** A practitioner or organisation named but not held as a resource at this source. */
export const named = (display: string): Reference<never> => ({ display });

export const orgRef = (ctx: Ctx): Reference<Organization> => ({ reference: `Organization/org-${ctx.source.id}`, display: ctx.source.name });
