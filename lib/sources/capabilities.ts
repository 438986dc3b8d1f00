/** What a source's CapabilityStatement says fhirside can use. Asked once per source per panel. */
import type { FhirGet } from './fhir-http';
import { isResource } from '../fhir/resource';

export interface Capabilities {
  readonly batch: boolean;
}

/** Reads `/metadata`; a failure means "assume the basics" (plain searches), never a failed look-up. */
export async function readCapabilities(get: FhirGet, baseUrl: string, signal: AbortSignal): Promise<Capabilities> {
  try {
    const statement = await get(`${baseUrl}/metadata`, signal);
    if (!isResource(statement, 'CapabilityStatement')) return { batch: false };
    const rest = Array.isArray(statement['rest']) ? (statement['rest'] as { interaction?: { code?: unknown }[] }[]) : [];
    return { batch: rest.some((r) => (r.interaction ?? []).some((i) => i.code === 'batch')) };
  } catch (error) {
    if (signal.aborted) throw error;
    return { batch: false };
  }
}
