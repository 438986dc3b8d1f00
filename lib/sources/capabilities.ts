/** What a source's CapabilityStatement says fhirside can use. Asked once per source per panel. */
import type { FhirGet } from './fhir-http';
import { isResource } from '../fhir/resource';

export interface Capabilities {
  readonly batch: boolean;
  /** The `_include`s fhirside wants that the source says it supports (`MedicationRequest:medication`). */
  readonly includes?: readonly string[];
}

/**
 * The references fhirside follows, as `_include` values: the medicine a prescription or statement
 * names by reference, and the device a device use names. Without them a row reads "not named".
 */
export const WANTED_INCLUDES = ['MedicationRequest:medication', 'MedicationStatement:medication', 'DeviceUseStatement:device'] as const;

type RestResource = { type?: unknown; searchInclude?: unknown };

/** The wanted includes a CapabilityStatement's `rest.resource[].searchInclude` lists (FHIR R4 CapabilityStatement). */
function offeredIncludes(rest: readonly { resource?: RestResource[] }[]): string[] {
  const offered = new Set(rest.flatMap((r) => (Array.isArray(r.resource) ? r.resource : []))
    .flatMap((r) => (Array.isArray(r.searchInclude) ? r.searchInclude : []))
    .filter((i): i is string => typeof i === 'string'));
  // `Type:param:Target` names the same include with its target type.
  return WANTED_INCLUDES.filter((want) => [...offered].some((i) => i === want || i.startsWith(`${want}:`)));
}

/** Reads `/metadata`; a failure means "assume the basics" (plain searches), never a failed look-up. */
export async function readCapabilities(get: FhirGet, baseUrl: string, signal: AbortSignal): Promise<Capabilities> {
  try {
    const statement = await get(`${baseUrl}/metadata`, signal);
    if (!isResource(statement, 'CapabilityStatement')) return { batch: false };
    const rest = Array.isArray(statement['rest']) ? (statement['rest'] as { interaction?: { code?: unknown }[]; resource?: RestResource[] }[]) : [];
    return { batch: rest.some((r) => (r.interaction ?? []).some((i) => i.code === 'batch')), includes: offeredIncludes(rest) };
  } catch (error) {
    if (signal.aborted) throw error;
    return { batch: false };
  }
}
