/**
 * Fetches one patient's record from one source: the first-screen queries first (one batch Bundle
 * where the server supports batch, else parallel searches), then the rest, reporting each query's
 * result as it arrives so the panel fills in section by section.
 */
import { describeFailure } from './fhir-error';
import type { FhirGet } from './fhir-http';
import { isBundle, type Bundle, type FhirResource } from '../fhir/resource';
import { isResultSeries, type PatientQuery } from './queries';
import { revalidateQuery, type SavedRecord } from './revalidate';
import { entryStatus, sendBatch } from './batch';
import { withReferents } from './referents';
import { followPages, keptOnce, nextLink } from './search';
import { searchAdapting } from './search-adapting';
import type { Capabilities } from './capabilities';
import { IGNORES_LAST_UPDATED } from './adapt-query';
import { NOT_OFFERED, problemOf } from './query-problem';
import { readDocumentTexts } from './document-text';
import { NO_CHAINED_SEARCH, queryKey, readChained, type ChainedAnswer } from './first-round';
import { OtherPatientError } from './patient-check';
import { dateWindows } from './date-windows';

export { NOT_OFFERED } from './query-problem';

export interface QueryResult {
  readonly resourceType: string;
  readonly resources: readonly FhirResource[];
  /** Why this query's records may be missing or incomplete, in a clinician's words. */
  readonly problem?: string;
  /** A limit the source imposes that fhirside worked within, in words (the records are otherwise complete). */
  readonly note?: string;
}

export interface FetchRecordOptions {
  readonly get: FhirGet;
  readonly baseUrl: string;
  readonly queries: readonly PatientQuery[];
  readonly batch: boolean;
  readonly maxPages: number;
  readonly signal: AbortSignal;
  readonly onResult: (result: QueryResult) => void;
  /** Given each page of results as it arrives, before its query is complete. */
  readonly onPage?: (resources: readonly FhirResource[]) => void;
  /** A saved copy of this patient's record from this source: only changes are fetched. */
  readonly saved?: SavedRecord;
  /** What the source's statement offers and what it has shown it wants (asked and learned per panel). */
  readonly capabilities?: Capabilities;
  /** Searches already answered by the patient's identifier (first-round.ts), by queryKey: checked against `patientId` before use. */
  readonly chained?: ReadonlyMap<string, ChainedAnswer>;
  /** The id of the Patient resolved for the page's patient. */
  readonly patientId?: string;
  /** How many date windows of a long result series may be asked side by side (sources/date-windows.ts); none when absent. */
  readonly windows?: number;
  /** Now (epoch ms), which the newest date window reaches. */
  readonly now?: number;
}

/** Results at least this long are handed over last (see fetchRecord). */
const LARGE_RESULT = 500;

/** True when a saved copy can be brought up to date by `_lastUpdated` at this source. */
function revalidates(options: FetchRecordOptions, resourceType: string): boolean {
  const caps = options.capabilities;
  if (!caps) return true;
  const params = caps.searchParams[resourceType];
  return !caps.learned.has(IGNORES_LAST_UPDATED) && (!params || params.includes('_lastUpdated'));
}

async function runSearch(options: FetchRecordOptions, query: PatientQuery): Promise<QueryResult> {
  const { get, baseUrl, signal, maxPages, saved } = options;
  if (saved && revalidates(options, query.resourceType)) {
    const ofType = { fetchedAt: saved.fetchedAt, resources: saved.resources.filter((r) => r.resourceType === query.resourceType) };
    const current = await revalidateQuery(get, baseUrl, query, ofType, signal, maxPages).catch((error: unknown) => {
      if (signal.aborted) throw error;
      return undefined;
    });
    if (current === IGNORES_LAST_UPDATED) options.capabilities?.learned.add(IGNORES_LAST_UPDATED);
    else if (current) return { resourceType: query.resourceType, resources: current };
  }
  return searchAdapting(options, query);
}

/** One batch for many searches; undefined when the server's answer is not a usable batch-response. */
async function runBatch(options: FetchRecordOptions, queries: readonly PatientQuery[]): Promise<QueryResult[] | undefined> {
  const { get, baseUrl, signal, maxPages, onPage } = options;
  const entries = await sendBatch(get, baseUrl, queries.map((q) => q.url), signal);
  if (!entries) return undefined;
  return Promise.all(
    queries.map(async (query, i) => {
      const entry = entries[i]!;
      const status = entryStatus(entry);
      // A well-formed search refused inside a batch (a server whose batch takes no searches, or that
      // wants this one asked another way) is asked on its own, where it can be adapted.
      if (status === 400) return searchAdapting(options, query);
      if (!isBundle(entry.resource) || status >= 300) {
        const problem = status === 404 ? NOT_OFFERED : describeFailure(status || 500, entry.response?.outcome ?? entry.resource);
        return { resourceType: query.resourceType, resources: [], problem };
      }
      try {
        const page = entry.resource as Bundle;
        const { resources, included = [], truncated } = await followPages(get, page, `${baseUrl}/${query.url}`, { signal, maxPages, baseUrl, onPage });
        return { resourceType: query.resourceType, resources: [...resources, ...included], problem: truncated };
      } catch (error) {
        if (signal.aborted) throw error;
        return { resourceType: query.resourceType, resources: [], problem: problemOf(error) };
      }
    }),
  );
}

/**
 * Runs queries as one batch where that is allowed and worth it, else one request each; each
 * answer comes with the Medications and Devices its resources name (sources/referents.ts).
 */
async function runAll(options: FetchRecordOptions, queries: readonly PatientQuery[], batch: boolean): Promise<QueryResult[]> {
  const batched = batch && queries.length > 1 ? await runBatch(options, queries) : undefined;
  const results = await (batched ?? Promise.all(queries.map((q) => runSearch(options, q))));
  return Promise.all(results.map((result) => withReferents(options.get, options.baseUrl, result, options.signal, options.maxPages)));
}

/**
 * The first-screen queries: those the first round answered by identifier, read on and checked
 * against the Patient resolved; the rest asked now. A record of another Patient throws
 * (OtherPatientError) before any result is handed over.
 */
async function runFirstScreen(options: FetchRecordOptions, queries: readonly PatientQuery[], batch: boolean): Promise<QueryResult[]> {
  const [fromChain, asked] = await guarded(options, Promise.all([
    Promise.all(queries.flatMap((q) => (answered(options, q) ? [readAnswered(options, q)] : []))),
    runAll(options, queries.filter((q) => !answered(options, q)), batch),
  ]));
  return [...fromChain, ...asked];
}

/** The first round's answer to this query, asked by identifier, if it brought one. */
function answered(options: FetchRecordOptions, query: PatientQuery): ChainedAnswer | undefined {
  return options.patientId !== undefined ? options.chained?.get(queryKey(query)) : undefined;
}

/** A query the first round answered: read to its end, checked, with the Medications and Devices it names. */
async function readAnswered(options: FetchRecordOptions, query: PatientQuery): Promise<QueryResult> {
  const { get, baseUrl, signal, maxPages, onPage } = options;
  const reading = { get, baseUrl, patientId: options.patientId ?? '', signal, maxPages, ...(onPage ? { onPage } : {}) };
  const result = await readChained(reading, answered(options, query)!, query.resourceType, () => runSearch(options, query));
  return withReferents(get, baseUrl, result, signal, maxPages);
}

/** A source that answered a chained search with another patient's records is not asked that way again. */
async function guarded<T>(options: FetchRecordOptions, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof OtherPatientError) options.capabilities?.learned.add(NO_CHAINED_SEARCH);
    throw error;
  }
}

/** Fetches every query, first screen first; each result goes to onResult as soon as it is complete. */
export async function fetchRecord(options: FetchRecordOptions): Promise<void> {
  const first = options.queries.filter((q) => q.firstScreen);
  const later = options.queries.filter((q) => !q.firstScreen);
  // Revalidation sends small per-query requests; a batch would fetch full first pages again.
  const batch = options.batch && !options.saved;
  const firstScreen = runFirstScreen(options, first, batch);
  firstScreen.catch(() => undefined); // awaited below
  // The long tail starts once the first screen is in, so it never competes with it for the server,
  // and before the first screen is built and drawn, so the server is not left idle meanwhile.
  // When the first round already brought the first screen, that is now: it is only read and
  // checked here, and a check that stops the source delivers nothing of the tail either.
  const broughtByFirstRound = first.every((q) => answered(options, q));
  if (!broughtByFirstRound) await firstScreen;
  // Its small searches go as one more batch (one round trip, not waves of four); Observations,
  // which run to thousands of results over many pages, go on their own beside it.
  // Each result rebuilds the summary from everything received so far: a large one is handed over
  // after the small ones, so it is rebuilt once, not once per type.
  const large: QueryResult[] = [];
  const deliver = (result: QueryResult) => (result.resources.length >= LARGE_RESULT ? large.push(result) : options.onResult(result));
  const paged = later.filter(isResultSeries);
  const small = later.filter((q) => !isResultSeries(q));
  let firstDelivered = () => {};
  const afterFirst = new Promise<void>((resolve) => (firstDelivered = resolve));
  // What the first round already brought by identifier is only read on and checked. A series the
  // first round found longer than its one small page is asked again by id, in large pages.
  const smallAnswered = small.filter((q) => answered(options, q));
  const smallAsked = small.filter((q) => !answered(options, q));
  const whole = (q: PatientQuery) => {
    const answer = answered(options, q);
    return answer !== undefined && nextLink(answer.page) === undefined;
  };
  const tail = guarded(options, Promise.all([
    ...paged.map(async (q) => {
      const result = await (whole(q) ? readAnswered(options, q) : searchSeries(options, q));
      await afterFirst;
      deliver(result);
    }),
    Promise.all([Promise.all(smallAnswered.map((q) => readAnswered(options, q))), runAll(options, smallAsked, batch)]).then(async ([read, asked]) => {
      const withTexts = await Promise.all([...read, ...asked].map((r) => withDocumentTexts(options, r)));
      await afterFirst;
      withTexts.forEach(deliver);
    }),
  ]));
  tail.catch(() => undefined); // awaited below; an abort meanwhile is not an unhandled rejection
  const firstResults = await firstScreen;
  await requestsSent();
  try {
    firstResults.forEach(options.onResult);
  } finally {
    firstDelivered();
  }
  await tail;
  large.sort((a, b) => a.resources.length - b.resources.length).forEach(options.onResult);
}

/**
 * A result series longer than the first round's page: cut into date windows asked side by side
 * where its first page says it is long (sources/date-windows.ts), else one chain of pages. A
 * window the source refuses or cannot finish sends the whole series back to the one chain.
 */
async function searchSeries(options: FetchRecordOptions, query: PatientQuery): Promise<QueryResult> {
  const probe = answered(options, query)?.page;
  const pageSize = Number(new URLSearchParams(query.url.split('?')[1] ?? '').get('_count')) || 1;
  const windows = probe && options.windows ? dateWindows(query, probe, options.now ?? Date.now(), options.windows, pageSize) : undefined;
  if (!windows) return runSearch(options, query);
  const parts = await Promise.all(windows.map((window) => runSearch(options, window)));
  if (parts.some((part) => part.problem)) return runSearch(options, query);
  // A result whose date range spans a window's bound comes back in both: it is kept once.
  const note = parts.find((part) => part.note)?.note;
  return { resourceType: query.resourceType, resources: keptOnce(parts.flatMap((part) => part.resources)), ...(note ? { note } : {}) };
}

/** Documents with their text read from a Binary where the source keeps it there; says how many could not be. */
async function withDocumentTexts(options: FetchRecordOptions, result: QueryResult): Promise<QueryResult> {
  if (result.resourceType !== 'DocumentReference' || result.resources.length === 0) return result;
  const { resources, unread } = await readDocumentTexts(options.get, options.baseUrl, result.resources, options.signal);
  const note = unread > 0 ? `the text of ${unread} document${unread === 1 ? '' : 's'} could not be read from this source` : undefined;
  return { ...result, resources, ...(note ? { note: result.note ? `${result.note}; ${note}` : note } : {}) };
}

/** Lets requests just started reach the network (each passes a few awaits before its fetch). */
const requestsSent = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
