/**
 * What a source's CapabilityStatement says fhirside can use, and what fhirside has learned about
 * the source by asking it. Read once per source per panel and remembered with it.
 */
import type { FhirGet } from './fhir-http';
import { isResource } from '../fhir/resource';

export interface Capabilities {
  /** Batch Bundles at the base (FHIR R4 §3.1.0.11); without it, one request per search. */
  readonly batch: boolean;
  /** Search parameters per resource type, where the statement lists them (else unknown: assume the spec's). */
  readonly searchParams: Readonly<Record<string, readonly string[]>>;
  /** `_include` values per type (`searchInclude`). */
  readonly includes: Readonly<Record<string, readonly string[]>>;
  /** Operations offered, by name without `$` (`everything`, `summary`), on Patient or the system. */
  readonly operations: readonly string[];
  /**
   * The Patient-level operations the look-up could read a record with, where the statement lists
   * them on Patient (`rest.resource[Patient].operation`): `$everything` (FHIR R4 Patient-everything)
   * and `$summary` (the IPS guide's summary, an IPS document). A server that offers neither says nothing.
   */
  readonly patientOperations: PatientOperations;
  /**
   * What the source turned out to want or ignore (lib/sources/adapt-query.ts): kept for the panel's
   * life, so the second look-up asks the way that worked instead of failing first.
   */
  readonly learned: Set<string>;
}

export interface PatientOperations {
  readonly everything: boolean;
  readonly summary: boolean;
}

/**
 * The references fhirside follows, as `_include` values: the medicine a prescription or statement
 * names by reference, and the device a device use names. Without them a row reads "not named".
 */
export const WANTED_INCLUDES = ['MedicationRequest:medication', 'MedicationStatement:medication', 'DeviceUseStatement:device'] as const;

/**
 * The wanted includes the source's `rest.resource[].searchInclude` lists (FHIR R4 CapabilityStatement);
 * `Type:param:Target` names the same include with its target type.
 */
export function wantedIncludes(capabilities: Capabilities): string[] {
  return WANTED_INCLUDES.filter((want) => (capabilities.includes[want.split(':')[0]!] ?? []).some((i) => i === want || i.startsWith(`${want}:`)));
}

/** The basics a server without a readable statement is assumed to offer: plain searches. */
export const basicCapabilities = (): Capabilities => ({ batch: false, searchParams: {}, includes: {}, operations: [], patientOperations: { everything: false, summary: false }, learned: new Set() });

/** Canonical URLs of the two operations, for a statement that names them otherwise. */
const EVERYTHING_DEFINITION = 'http://hl7.org/fhir/OperationDefinition/Patient-everything';
const SUMMARY_DEFINITION = 'http://hl7.org/fhir/uv/ips/OperationDefinition/summary';

type Rest = { interaction?: { code?: unknown }[]; operation?: { name?: unknown }[]; resource?: RestResource[] };
type RestResource = { type?: unknown; searchParam?: { name?: unknown }[]; searchInclude?: unknown[]; operation?: { name?: unknown; definition?: unknown }[] };

const names = (list: readonly { name?: unknown }[] | undefined): string[] =>
  (Array.isArray(list) ? list : []).map((item) => item?.name).filter((name): name is string => typeof name === 'string');

/** Reads a CapabilityStatement (untrusted JSON) into Capabilities. */
export function capabilitiesOf(statement: unknown): Capabilities {
  if (!isResource(statement, 'CapabilityStatement')) return basicCapabilities();
  const rest = (Array.isArray(statement['rest']) ? statement['rest'] : []) as Rest[];
  const searchParams: Record<string, string[]> = {};
  const includes: Record<string, string[]> = {};
  const operations = new Set<string>();
  const onPatient = new Set<string>();
  for (const r of rest) {
    for (const name of names(r?.operation)) operations.add(name.replace(/^\$/, ''));
    for (const resource of Array.isArray(r?.resource) ? r.resource : []) {
      if (typeof resource?.type !== 'string') continue;
      if (Array.isArray(resource.searchParam)) searchParams[resource.type] = names(resource.searchParam);
      if (Array.isArray(resource.searchInclude)) includes[resource.type] = resource.searchInclude.filter((i): i is string => typeof i === 'string');
      if (resource.type !== 'Patient') continue;
      for (const name of names(resource.operation)) operations.add(name.replace(/^\$/, ''));
      for (const operation of Array.isArray(resource.operation) ? resource.operation : []) {
        if (typeof operation?.name === 'string') onPatient.add(operation.name.replace(/^\$/, ''));
        // The definition names the operation whatever the server calls it (`$ips`, `patient-summary`).
        if (typeof operation?.definition === 'string') onPatient.add(operation.definition.replace(/\|.*$/, ''));
      }
    }
  }
  const batch = rest.some((r) => (Array.isArray(r?.interaction) ? r.interaction : []).some((i) => i?.code === 'batch'));
  const patientOperations = {
    everything: onPatient.has('everything') || onPatient.has(EVERYTHING_DEFINITION),
    summary: onPatient.has('summary') || onPatient.has(SUMMARY_DEFINITION),
  };
  return { batch, searchParams, includes, operations: [...operations], patientOperations, learned: new Set() };
}

/** Reads `/metadata`; a failure means "assume the basics" (plain searches), never a failed look-up. */
export async function readCapabilities(get: FhirGet, baseUrl: string, signal: AbortSignal): Promise<Capabilities> {
  try {
    return capabilitiesOf(await get(`${baseUrl}/metadata`, signal));
  } catch (error) {
    if (signal.aborted) throw error;
    return basicCapabilities();
  }
}
