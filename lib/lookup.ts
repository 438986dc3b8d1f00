/**
 * One look-up end to end: cache → sources → summary → cache. Every update carries the context it
 * was started for, and nothing is reported once the signal is aborted (the clinician moved on).
 */
import type { CachedSummary } from './cache/summary-cache';
import type { PatientContext } from './context/patient-context';
import { NHS_NUMBER_SYSTEM } from './context/nhs-number';
import { readCapabilities, wantedIncludes, type Capabilities } from './sources/capabilities';
import { sameStatement, type KnownCapabilities } from './sources/known-capabilities';
import { fetchRecord, NOT_OFFERED, type QueryResult } from './sources/fetch-record';
import { createFhirGet } from './sources/fhir-http';
import type { FhirResource } from './fhir/resource';
import { createLimiter } from './sources/limiter';
import { revalidationBatch } from './sources/prefetch';
import { observationHorizon, patientQueries, type PatientQuery, type QueryOptions } from './sources/queries';
import { adaptToStatement } from './sources/adapt-query';
import { resolvePatient } from './sources/resolve-patient';
import { askFirstRound, offersFirstRound, type FirstRound } from './sources/first-round';
import { OtherPatientError } from './sources/patient-check';
import { SignInRequiredError } from './sources/sign-in-required';
import { SOURCE_LIMIT_DEFAULTS, type SourceConfig } from './sources/source-config';
import { combineSources } from './summary/combine';
import { firstScreenCopy } from './summary/first-screen-copy';
import type { Banner, SectionId, SourceSummary, Summary } from './summary/model';
import { buildSourceSummary, prepareRows } from './summary/source-summary';

export type SourceStatus =
  | { readonly state: 'loading'; readonly received?: number }
  | { readonly state: 'needs-sign-in' }
  | { readonly state: 'done'; readonly resourceCount: number; readonly problems?: Readonly<Record<string, string>>; readonly notes?: Readonly<Record<string, string>> }
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
  /** Sections whose live rows are final from every source (stale-while-revalidate, section by section). */
  readonly liveSections?: readonly SectionId[];
  readonly cacheProblem?: string;
  /** A saved copy exists but is not drawn until its user signs in to these sources again (cache/copy-owners.ts). */
  readonly withheld?: readonly string[];
}

/** A saved copy its user must sign in to these sources again to see. */
export interface WithheldCopy {
  readonly withheld: readonly string[];
}

/** Access-token provider: `force` asks for a refresh even if the token looks valid (after a 401). */
export type AccessTokenProvider = (force: boolean) => Promise<string | undefined>;

/** One source's raw record as saved, for revalidating it next time. */
export interface SavedSource {
  readonly patientId: string;
  readonly fetchedAt: number;
  readonly resources: readonly FhirResource[];
}

/** Each source's saved record, by source id. */
export type SavedSources = Readonly<Record<string, SavedSource>>;

/** What is saved per patient: the summary shown at once, and each source's raw record for revalidation. */
export interface CachedLookup {
  readonly summary: Summary;
  /** The summary with each series cut to its newest values, drawn first next time (undefined: draw it whole). */
  readonly firstScreen?: Summary;
  readonly sources: SavedSources;
}

export interface LookupDeps {
  readonly sources: readonly SourceConfig[];
  readonly fetch: typeof fetch;
  /** Token provider for a signed-in SMART source; undefined when sign-in is needed. */
  readonly session: (source: SourceConfig) => Promise<AccessTokenProvider | undefined>;
  readonly cache: {
    /** The saved summary: drawn before any source is asked, if it is the signed-in user's. */
    read(patientKey: string): Promise<CachedSummary<Summary> | WithheldCopy | undefined>;
    /**
     * False when no copy of this patient is saved here as far as this panel knows: the look-up then
     * asks the sources without waiting for the read. Absent: always wait.
     */
    holds?(patientKey: string): Promise<boolean>;
    /** The raw records saved with it, for revalidation: read once the summary is on its way to the screen. */
    readSources(patientKey: string): Promise<SavedSources | undefined>;
    write(patientKey: string, value: CachedLookup, savedAt: number): Promise<void>;
  };
  /** A saved record younger than this is revalidated by changes only; older ones are fetched whole. */
  readonly revalidateWithinMs?: number;
  readonly now: () => number;
  /** Remembers each source's capabilities between look-ups (per panel). */
  readonly capabilities?: Map<string, Promise<Capabilities>>;
  /** What each source's statement said earlier in this browser session, to build the first round trip from. */
  readonly knownCapabilities?: KnownCapabilities;
}

/** Four hours: long enough for a shift's repeat looks, short enough that a full fetch still happens daily. */
const DEFAULT_REVALIDATE_WITHIN_MS = 4 * 60 * 60 * 1000;

/** Enough pages for any real record; beyond it the section says it is incomplete. */
const MAX_PAGES = 200;

/**
 * Which summary sections each fetched resource type feeds: gaps are reported against them, a type
 * the server does not offer marks them "not supported", and a section is live once every source
 * has delivered all of its types.
 */
const RESOURCE_SECTIONS: Readonly<Record<string, readonly SectionId[]>> = {
  AllergyIntolerance: ['allergies'],
  Condition: ['problems'],
  MedicationRequest: ['medications'],
  MedicationStatement: ['medications'],
  Flag: ['alerts'],
  Observation: ['results', 'vitals'],
  DiagnosticReport: ['results', 'imaging'],
  ImagingStudy: ['imaging'],
  Procedure: ['procedures'],
  Immunization: ['immunizations'],
  Encounter: ['encounters'],
  CarePlan: ['careplans'],
  CareTeam: ['careplans'],
  DocumentReference: ['documents'],
  Consent: ['decisions'],
  DeviceUseStatement: ['devices'],
  FamilyMemberHistory: ['familyhistory'],
};

/** The inverse of RESOURCE_SECTIONS, worked out once: the resource types each section is built from. */
const SECTION_TYPES: ReadonlyMap<SectionId, readonly string[]> = Object.entries(RESOURCE_SECTIONS).reduce((map, [type, sections]) => {
  for (const section of sections) map.set(section, [...(map.get(section) ?? []), type]);
  return map;
}, new Map<SectionId, string[]>());

/** Sections every source has now delivered in full: these may replace a saved copy's sections. */
function liveSections(statuses: Readonly<Record<string, SourceStatus>>, delivered: ReadonlyMap<string, ReadonlySet<string>>): SectionId[] {
  return [...SECTION_TYPES].filter(([, types]) =>
    Object.entries(statuses).every(([sourceId, status]) => status.state === 'not-known' || types.every((type) => delivered.get(sourceId)?.has(type))),
  ).map(([section]) => section);
}

/** Every source has answered in full: done, or does not know the patient. */
const everySourceAnswered = (statuses: Readonly<Record<string, SourceStatus>>) => Object.values(statuses).every((s) => s.state === 'done' || s.state === 'not-known');

/** The banner the page itself vouches for, used until a source answers. */
export function bannerFromContext(context: PatientContext): Banner {
  const nhs = context.identifier.system === NHS_NUMBER_SYSTEM ? context.identifier.value : undefined;
  return { patientKey: context.key, nhsNumber: nhs, birthDate: context.birthDate };
}

/** What the clinician asked of this look-up beyond the defaults. */
export interface LookupOptions {
  /** Every Observation, not only those within each source's horizon ("Show older"). */
  readonly allResults?: boolean;
}

/**
 * Runs a look-up, calling onUpdate with each new view.
 * @param signal - aborted when the panel's patient changes; no update follows an abort
 */
export async function runLookup(context: PatientContext, deps: LookupDeps, signal: AbortSignal, onUpdate: (view: LookupView) => void, options: LookupOptions = {}): Promise<void> {
  const statuses: Record<string, SourceStatus> = Object.fromEntries(deps.sources.map((s) => [s.id, { state: 'loading' }]));
  const summaries = new Map<string, SourceSummary>();
  const pageBanner = bannerFromContext(context);
  let view: LookupView = { context, sources: { ...statuses }, complete: false };
  const publish = (change: Partial<LookupView>) => {
    if (signal.aborted) return;
    view = { ...view, ...change, sources: { ...statuses } };
    onUpdate(view);
  };
  // Per source, the resource types that arrived complete and without a problem.
  const delivered = new Map<string, Set<string>>();
  // Combining is the costly step for a big record (thousands of results merged across sources):
  // it runs again only when a source's summary changed, not when only a status did.
  let combined: Summary | undefined;
  const current = () => (combined ??= combineSources(context.key, pageBanner, [...summaries.values()]));
  const publishLive = () => publish({ live: current(), liveSections: liveSections(statuses, delivered) });
  publish({});

  const startedAt = deps.now();
  const fresh = new Map<string, SavedSource>();
  // What each source's first request needs (its session, what its statement said before) is read
  // beside the saved copy, not after it: none of these reads waits for another.
  const openings = new Map(deps.sources.map((source) => [source.id, openSource(source, context, deps)]));
  // A saved copy is read before any request goes out: it is on screen before any source answers,
  // and it is revalidated rather than fetched again. For a patient with no copy saved here (as far
  // as the panel's index of them says, or the read says, whichever answers first) the requests do
  // not wait for the read: an IndexedDB read can take tens of milliseconds on a busy machine. A copy
  // found all the same (another window saved it) is drawn when read, and the record is fetched
  // whole this once.
  const copyRead = readSavedCopy(context, deps, signal, publish, () => view);
  const indexSays = deps.cache.holds?.(context.key).catch(() => true) ?? Promise.resolve(true);
  const cached = (await Promise.race([indexSays, copyRead.then(() => true)])) ? await copyRead : undefined;
  if (signal.aborted) return;
  // The raw records are only for revalidation: read beside the network, never before the summary.
  const savedSources: Promise<SavedSources | undefined> = cached ? deps.cache.readSources(context.key).catch(() => undefined) : Promise.resolve(undefined);

  await Promise.all(
    deps.sources.map(async (source) => {
      const progress = (summary: SourceSummary, received: number, results: readonly QueryResult[]) => {
        const types = delivered.get(source.id) ?? delivered.set(source.id, new Set()).get(source.id)!;
        for (const result of results) if (!result.problem) types.add(result.resourceType);
        summaries.set(source.id, summary);
        combined = undefined;
        statuses[source.id] = { state: 'loading', received };
        publishLive();
      };
      const recent = async () => {
        const saved = (await savedSources)?.[source.id];
        const young = saved && startedAt - saved.fetchedAt < (deps.revalidateWithinMs ?? DEFAULT_REVALIDATE_WITHIN_MS);
        return young ? saved : undefined;
      };
      const record = (patientId: string, resources: readonly FhirResource[]) => fresh.set(source.id, { patientId, fetchedAt: startedAt, resources });
      const opening = openings.get(source.id)!;
      statuses[source.id] = await lookUpSource(source, opening, deps, signal, { progress, recent, record, seenBefore: cached !== undefined }, options);
      // A source found answering with another patient's records after some of its own were drawn
      // (a later search by identifier): everything it gave is taken back off the screen.
      if (statuses[source.id]!.state === 'mismatch' && summaries.delete(source.id)) {
        delivered.delete(source.id);
        combined = undefined;
      }
      publishLive();
    }),
  );
  if (signal.aborted) return;

  // Complete as soon as it is all on screen: saving it for next time does not hold up the clinician,
  // and a save that fails says so afterwards.
  const live = current();
  publish({ live, complete: true });
  // Only a complete answer replaces the saved copy: a partial one would silently lose facts.
  if (!everySourceAnswered(statuses) || summaries.size === 0) return;
  try {
    const firstScreen = firstScreenCopy(live);
    await deps.cache.write(context.key, { summary: live, ...(firstScreen ? { firstScreen } : {}), sources: Object.fromEntries(fresh) }, startedAt);
  } catch (error) {
    const full = error instanceof Error && error.name === 'CacheFullError';
    publish({ cacheProblem: full ? 'The browser has no room to save this summary for next time' : 'This summary could not be saved for next time' });
  }
}

/**
 * Reads and draws the saved copy. What is drawn first may be the first-screen copy: the whole
 * summary (every value of every series) replaces it in a later task, once the requests are on
 * their way. If it cannot be read, the copy stays. It is not drawn once every source has answered
 * in full: nothing in it is still to come.
 */
async function readSavedCopy(context: PatientContext, deps: LookupDeps, signal: AbortSignal, publish: (change: Partial<LookupView>) => void, view: () => LookupView): Promise<CachedSummary<Summary> | undefined> {
  let cached: CachedSummary<Summary> | undefined;
  try {
    const saved = await deps.cache.read(context.key);
    if (view().complete && everySourceAnswered(view().sources)) return undefined;
    if (saved && 'withheld' in saved) publish({ withheld: saved.withheld });
    else if (saved) publish({ cached: (cached = saved) });
  } catch {
    publish({ cacheProblem: 'The saved copy could not be read' });
  }
  const whole = cached?.whole;
  if (cached && whole && !signal.aborted) {
    const drawn = cached;
    setTimeout(() => {
      whole()
        .then((value) => view().cached === drawn && publish({ cached: { value, savedAt: drawn.savedAt } }))
        .catch(() => undefined);
    }, 0);
  }
  return cached;
}

interface SourceHooks {
  readonly progress: (summary: SourceSummary, received: number, results: readonly QueryResult[]) => void;
  /** The saved record of this source if it is young enough to revalidate (for whichever patient id). */
  readonly recent: () => Promise<SavedSource | undefined>;
  /** Keeps the fetched record for saving once the whole look-up has succeeded. */
  readonly record: (patientId: string, resources: readonly FhirResource[]) => void;
  /** A saved summary of this patient was found: a source with no recent record of its own probably does not know them. */
  readonly seenBefore: boolean;
}

/** A source as the look-up starts on it: for this patient or not, its session, and what its statement said before. */
interface Opening {
  readonly context: PatientContext;
  /** False when the source keeps no patients by the identifier the page named. */
  readonly asked: boolean;
  readonly session: Promise<AccessTokenProvider | undefined>;
  readonly known: Promise<Capabilities | undefined>;
}

function openSource(source: SourceConfig, context: PatientContext, deps: LookupDeps): Opening {
  const asked = source.identifierSystems.includes(context.identifier.system);
  const session = !asked ? Promise.resolve(undefined) : source.auth === 'smart' ? deps.session(source) : Promise.resolve(async () => undefined);
  const known = asked && deps.knownCapabilities ? deps.knownCapabilities.read(source).catch(() => undefined) : Promise.resolve(undefined);
  // Awaited in lookUpSource, where a failure is reported; until then it is not an unhandled rejection.
  session.catch(() => undefined);
  return { context, asked, session, known };
}

async function lookUpSource(source: SourceConfig, opening: Opening, deps: LookupDeps, signal: AbortSignal, hooks: SourceHooks, options: LookupOptions): Promise<SourceStatus> {
  const { progress } = hooks;
  const { context } = opening;
  try {
    if (!opening.asked) return { state: 'not-known' };
    const accessToken = await opening.session;
    if (!accessToken) return { state: 'needs-sign-in' };
    const limit = createLimiter(source.maxConcurrency ?? SOURCE_LIMIT_DEFAULTS.maxConcurrency);
    const get = createFhirGet({ fetch: deps.fetch, accessToken, timeoutMs: source.timeoutMs, limit });
    const [recent, known] = await Promise.all([hooks.recent(), opening.known]);
    const now = deps.now();
    // The first round trip is built from what the source's statement said earlier in this browser
    // session and sent while /metadata is read again beside it (sources/known-capabilities.ts): after
    // it, and after the other sources' first requests, which are what the clinician waits for.
    const readStatement = () => rememberedCapabilities(source, deps, get, signal);
    const capabilities = known ? Promise.resolve().then(readStatement) : readStatement();
    const basis = known ?? (await capabilities);
    const basisOptions: QueryOptions = { allResults: options.allResults, includes: wantedIncludes(basis) };
    // A recent saved copy is revalidated in one round trip (sources/prefetch.ts): the patient
    // search and every query's count and changes go as one batch, for the id it was saved under.
    // Without one, the Patient search and the first screen go in one round trip where the source
    // allows it (sources/first-round.ts); what comes back by identifier waits for the checks.
    // The long tail goes beside it unless this patient was looked up before and this source kept
    // nothing recent of theirs: then it most likely does not know them, and one request says so.
    let firstRoundAsked: Promise<FirstRound> | undefined;
    if (!recent && offersFirstRound(basis)) {
      const [firstScreen, tail] = firstRoundQueries(source, now, basisOptions, basis);
      firstRoundAsked = askFirstRound(get, source.fhirBaseUrl, context, firstScreen, basis, signal, hooks.seenBefore ? [] : tail);
    }
    const revalidationAsked = recent && basis.batch
      ? revalidationBatch(get, source.fhirBaseUrl, context, patientQueries(source, recent.patientId, now, basisOptions), recent.fetchedAt, signal)
      : undefined;
    const [offered, firstRoundAnswered, revalidated] = await Promise.all([capabilities, firstRoundAsked, revalidationAsked]);
    // Answers to requests built from a statement the source no longer makes are not used: the
    // look-up asks again the way the statement it makes now says.
    const stillTrue = sameStatement(basis, offered);
    if (stillTrue) for (const fact of basis.learned) offered.learned.add(fact);
    const firstRound = stillTrue ? firstRoundAnswered : undefined;
    const ask = (stillTrue ? revalidated : undefined) ?? firstRound?.get ?? get;
    const queryOptions: QueryOptions = { allResults: options.allResults, includes: wantedIncludes(offered) };
    const resultsSince = observationHorizon(source, now, queryOptions);
    const match = await resolvePatient(ask, source.fhirBaseUrl, context, signal);
    // With what it learned by asking, for the next look-up's first round trip (only when that is
    // news: a look-up is not made to write the same statement back every time). A source that does
    // not know this patient is remembered too: the next patient may be one it knows.
    const remember = () => {
      if (!known || !stillTrue || [...offered.learned].some((fact) => !known.learned.has(fact))) void deps.knownCapabilities?.write(source, offered);
    };
    if (match.kind !== 'found') remember();
    if (match.kind === 'not-known') return { state: 'not-known' };
    if (match.kind === 'ambiguous') return { state: 'ambiguous', count: match.count };
    if (match.kind === 'mismatch') return { state: 'mismatch', reason: match.reason };

    const resources: FhirResource[] = [];
    const incomplete: Partial<Record<SectionId, string>> = {};
    const notSupported = new Set<SectionId>();
    const problems: Record<string, string> = {};
    const notes: Record<string, string> = {};
    // Results handed over together (a batch's answers) are built into the summary and drawn once:
    // each build covers everything received so far, so one per result would repeat the work.
    let pending: QueryResult[] = [];
    let buildFailed: { readonly error: unknown } | undefined;
    const flush = () => {
      if (pending.length === 0) return;
      const results = pending;
      pending = [];
      const summary = buildSourceSummary({
        sourceId: source.id,
        patientKey: context.key,
        patient: match.patient,
        resources,
        incomplete: { ...incomplete },
        notSupported: [...notSupported],
        ...(resultsSince ? { resultsSince } : {}),
      });
      progress(summary, resources.length, results);
    };
    const onResult = (result: QueryResult) => {
      if (pending.length === 0) {
        queueMicrotask(() => {
          try {
            if (!signal.aborted) flush();
          } catch (error) {
            buildFailed ??= { error }; // reported as the source's failure once its fetch ends
          }
        });
      }
      pending.push(result);
      resources.push(...result.resources);
      if (result.note) {
        // A limit the source imposes: the section says what it cannot hold, beside what it holds.
        notes[result.resourceType] = result.note;
        for (const section of RESOURCE_SECTIONS[result.resourceType] ?? []) incomplete[section] ??= `${source.name}: ${result.note}`;
      }
      if (result.problem) {
        problems[result.resourceType] = result.problem;
        for (const section of RESOURCE_SECTIONS[result.resourceType] ?? []) {
          if (result.problem === NOT_OFFERED) notSupported.add(section);
          else incomplete[section] = `${source.name}: ${result.problem}`;
        }
      }
    };
    const saved = recent?.patientId === match.patient.id ? recent : undefined;
    await fetchRecord({
      get: ask,
      baseUrl: source.fhirBaseUrl,
      queries: patientQueries(source, match.patient.id, now, queryOptions).map((q) => adaptToStatement(q, offered)),
      batch: offered.batch,
      capabilities: offered,
      maxPages: MAX_PAGES,
      signal,
      onResult,
      // Result rows are built page by page while later pages are on their way (lib/summary/source-summary.ts).
      // Only Observations: a prescription's row must wait for the Medication it names, which comes after its page.
      onPage: (page) => prepareRows({ sourceId: source.id, patientKey: context.key }, page.filter((r) => r.resourceType === 'Observation')),
      ...(saved ? { saved } : {}),
      ...(firstRound ? { chained: firstRound.answers, patientId: match.patient.id } : {}),
      windows: source.maxConcurrency ?? SOURCE_LIMIT_DEFAULTS.maxConcurrency,
      now,
    });
    if (buildFailed) throw buildFailed.error;
    flush();
    // The Patient itself is saved too, so a revalidated look-up still has its banner.
    hooks.record(match.patient.id, [match.patient, ...resources]);
    remember();
    return { state: 'done', resourceCount: resources.length, ...(Object.keys(problems).length > 0 ? { problems } : {}), ...(Object.keys(notes).length > 0 ? { notes } : {}) };
  } catch (error) {
    if (signal.aborted) return { state: 'loading' };
    if (error instanceof OtherPatientError) return { state: 'mismatch', reason: error.message };
    if (error instanceof SignInRequiredError) return { state: 'needs-sign-in' };
    return { state: 'error', message: error instanceof Error ? error.message : 'Something went wrong' };
  }
}

/**
 * The first-screen queries and the rest, as they would be asked by a Patient id (first-round.ts
 * asks them by identifier instead).
 */
function firstRoundQueries(source: SourceConfig, now: number, queryOptions: QueryOptions, offered: Capabilities): [PatientQuery[], PatientQuery[]] {
  const queries = patientQueries(source, 'id', now, queryOptions).map((q) => adaptToStatement(q, offered));
  return [queries.filter((q) => q.firstScreen), queries.filter((q) => !q.firstScreen)];
}

/** The source's capabilities, read once per panel and remembered (a failed read is not). */
function rememberedCapabilities(source: SourceConfig, deps: LookupDeps, get: ReturnType<typeof createFhirGet>, signal: AbortSignal): Promise<Capabilities> {
  const known = deps.capabilities?.get(source.id);
  if (known) return known;
  const reading = readCapabilities(get, source.fhirBaseUrl, signal);
  deps.capabilities?.set(source.id, reading);
  // A failed read (e.g. aborted) must not be remembered.
  reading.catch(() => deps.capabilities?.delete(source.id));
  return reading;
}
