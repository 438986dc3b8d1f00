/**
 * One look-up end to end: cache → sources → summary → cache. Every update carries the context it
 * was started for, and nothing is reported once the signal is aborted (the clinician moved on).
 */
import type { CachedSummary } from './cache/summary-cache';
import type { PatientContext } from './context/patient-context';
import { NHS_NUMBER_SYSTEM } from './context/nhs-number';
import { fetchSections } from './sources/fetch-sections';
import { createFhirGet } from './sources/fhir-http';
import { resolvePatient } from './sources/resolve-patient';
import type { SourceConfig } from './sources/source-config';
import { combineSources } from './summary/combine';
import type { Banner, SourceSummary, Summary } from './summary/model';
import { buildSourceSummary } from './summary/source-summary';

export type SourceStatus =
  | { readonly state: 'loading' }
  | { readonly state: 'needs-sign-in' }
  | { readonly state: 'done'; readonly resourceCount: number }
  | { readonly state: 'not-known' }
  | { readonly state: 'ambiguous'; readonly count: number }
  | { readonly state: 'mismatch'; readonly reason: string }
  | { readonly state: 'error'; readonly message: string };

export interface LookupView {
  readonly context: PatientContext;
  /** The saved copy, shown with its age until live data replaces it. */
  readonly cached?: CachedSummary<Summary>;
  /** What the sources have said so far in this look-up. */
  readonly live?: Summary;
  readonly sources: Readonly<Record<string, SourceStatus>>;
  readonly complete: boolean;
  readonly cacheProblem?: string;
}

export interface LookupDeps {
  readonly sources: readonly SourceConfig[];
  readonly fetch: typeof fetch;
  /** Access-token provider for a signed-in SMART source; undefined when sign-in is needed. */
  readonly session: (source: SourceConfig) => Promise<(() => Promise<string | undefined>) | undefined>;
  readonly cache: {
    read(patientKey: string): Promise<CachedSummary<Summary> | undefined>;
    write(patientKey: string, summary: Summary, savedAt: number): Promise<void>;
  };
  readonly now: () => number;
}

/** The banner the page itself vouches for, used until a source answers. */
export function bannerFromContext(context: PatientContext): Banner {
  const nhs = context.identifier.system === NHS_NUMBER_SYSTEM ? context.identifier.value : undefined;
  return { patientKey: context.key, nhsNumber: nhs, birthDate: context.birthDate };
}

/**
 * Runs a look-up, calling onUpdate with each new view.
 * @param signal - aborted when the panel's patient changes; no update follows an abort
 */
export async function runLookup(context: PatientContext, deps: LookupDeps, signal: AbortSignal, onUpdate: (view: LookupView) => void): Promise<void> {
  const statuses: Record<string, SourceStatus> = Object.fromEntries(deps.sources.map((s) => [s.id, { state: 'loading' }]));
  const done: SourceSummary[] = [];
  let view: LookupView = { context, sources: { ...statuses }, complete: false };
  const publish = (change: Partial<LookupView>) => {
    if (signal.aborted) return;
    view = { ...view, ...change, sources: { ...statuses } };
    onUpdate(view);
  };
  publish({});

  const cacheRead = deps.cache.read(context.key).then(
    (cached) => cached && publish({ cached }),
    () => publish({ cacheProblem: 'The saved copy could not be read' }),
  );
  const startedAt = deps.now();

  await Promise.all(
    deps.sources.map(async (source) => {
      statuses[source.id] = await lookUpSource(source, context, deps, signal, done);
      publish({ live: combineSources(context.key, bannerFromContext(context), done) });
    }),
  );
  await cacheRead;
  if (signal.aborted) return;

  // Only a complete answer replaces the saved copy: a partial one would silently lose facts.
  const allAnswered = Object.values(statuses).every((s) => s.state === 'done' || s.state === 'not-known');
  const live = combineSources(context.key, bannerFromContext(context), done);
  if (allAnswered && done.length > 0) {
    try {
      await deps.cache.write(context.key, live, startedAt);
    } catch {
      publish({ live, complete: true, cacheProblem: 'This summary could not be saved for next time' });
      return;
    }
  }
  publish({ live, complete: true });
}

async function lookUpSource(source: SourceConfig, context: PatientContext, deps: LookupDeps, signal: AbortSignal, done: SourceSummary[]): Promise<SourceStatus> {
  try {
    const accessToken = source.auth === 'smart' ? await deps.session(source) : async () => undefined;
    if (!accessToken) return { state: 'needs-sign-in' };
    const get = createFhirGet({ fetch: deps.fetch, accessToken, timeoutMs: source.timeoutMs });
    const match = await resolvePatient(get, source.fhirBaseUrl, context, signal);
    if (match.kind === 'not-known') return { state: 'not-known' };
    if (match.kind === 'ambiguous') return { state: 'ambiguous', count: match.count };
    if (match.kind === 'mismatch') return { state: 'mismatch', reason: match.reason };
    const { resources, incomplete } = await fetchSections(get, source.fhirBaseUrl, match.patient.id, source.pageSize, signal);
    done.push(buildSourceSummary({ sourceId: source.id, patientKey: context.key, patient: match.patient, resources, incomplete }));
    return { state: 'done', resourceCount: resources.length };
  } catch (error) {
    if (signal.aborted) return { state: 'loading' };
    return { state: 'error', message: error instanceof Error ? error.message : 'Something went wrong' };
  }
}
