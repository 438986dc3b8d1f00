/** Turns a finished look-up into the audit record of who looked at whom, where. */
import type { LookupView, SourceStatus } from '../lookup';
import type { SourceConfig } from '../sources/source-config';
import type { LookupAuditRecord } from './audit-event';

const contacted = (status: SourceStatus | undefined) => status !== undefined && status.state !== 'needs-sign-in' && status.state !== 'loading';
const answered = (status: SourceStatus | undefined) => contacted(status) && status?.state !== 'error';

/**
 * The audit record for a complete look-up, or undefined when no source was asked (nothing was
 * accessed: every source still needed sign-in).
 * @param startedAt - when the look-up began (epoch ms)
 */
export function lookupAuditRecord(view: LookupView, sources: readonly SourceConfig[], fhirUser: string | undefined, startedAt: number, observer: string): LookupAuditRecord | undefined {
  const asked = sources.filter((s) => contacted(view.sources[s.id]));
  if (!view.complete || asked.length === 0) return undefined;
  return {
    ...(fhirUser !== undefined && { fhirUser }),
    patient: view.context.identifier,
    sources: asked.map((s) => ({ id: s.id, name: s.name, fhirBaseUrl: s.fhirBaseUrl, answered: answered(view.sources[s.id]) })),
    at: startedAt,
    observer,
  };
}

/**
 * The audit record for a saved copy drawn on screen: seeing a patient's record from the cache is an
 * access like any other, so it is audited like a look-up, naming the sources the copy came from.
 * @param shownAt - when it was drawn (epoch ms)
 */
export function savedCopyAuditRecord(view: LookupView, sources: readonly SourceConfig[], fhirUser: string | undefined, shownAt: number, observer: string): LookupAuditRecord | undefined {
  if (!view.cached) return undefined;
  const from = view.cached.value.sourceIds;
  return {
    ...(fhirUser !== undefined && { fhirUser }),
    patient: view.context.identifier,
    sources: sources.filter((s) => from.includes(s.id)).map((s) => ({ id: s.id, name: s.name, fhirBaseUrl: s.fhirBaseUrl, answered: true })),
    at: shownAt,
    observer,
    savedCopyFrom: view.cached.savedAt,
  };
}
