/**
 * The first screen in one round trip. Asked the plain way, a look-up waits for the Patient search
 * before it can ask for that Patient's allergies, problems and medicines: two round trips in a row
 * per source, which on a hospital network is most of the wait. Where the source takes batches,
 * one batch carries the Patient search and each first-screen search asked by the patient's
 * identifier (a chained search: `Condition?patient.identifier=<system>|<value>`, FHIR R4 §3.1.1.4.11).
 *
 * The long tail (results, encounters, care plans…) goes the same way in a second batch sent beside
 * the first: it does not wait for the first screen's answer, and, a request of its own, it does not
 * hold that answer up either. One round trip to the source then brings the whole record but its
 * later pages.
 *
 * The server, not fhirside, then decides whose records those are, so they are held back until the
 * Patient search has resolved one Patient that matches the page (resolve-patient.ts) and each
 * record names that Patient (patient-check.ts). A source that refuses the chain (400) is asked the
 * plain way from then on, and so is one that does not take batches.
 */
import type { PatientContext } from '../context/patient-context';
import { entryStatus, sendBatch } from './batch';
import type { Capabilities } from './capabilities';
import type { FhirGet } from './fhir-http';
import { isBundle, type Bundle, type BundleEntry, type FhirResource } from '../fhir/resource';
import type { QueryResult } from './fetch-record';
import { allOfPatient } from './patient-check';
import { isResultSeries, type PatientQuery } from './queries';
import { withParams } from './adapt-query';
import { patientSearchUrl } from './resolve-patient';
import { followPages } from './search';

/** Learned: the source refuses a search chained through the patient's identifier. */
export const NO_CHAINED_SEARCH = 'no-chained-search';

/** A first-screen search's first page, asked by the patient's identifier. */
export interface ChainedAnswer {
  /** The URL it was asked by (absolute): its next links continue the same search. */
  readonly url: string;
  readonly page: Bundle;
}

export interface FirstRound {
  /** Answers the Patient search from the batch (once); anything else goes to the network. */
  readonly get: FhirGet;
  /** Per query (by queryKey), the first page of its search asked by identifier. */
  readonly answers: ReadonlyMap<string, ChainedAnswer>;
}

/**
 * The parameters that say whose records a search asks for, and how many a page holds; the others
 * say which records.
 */
const NOT_WHICH_RECORDS = new Set(['patient', 'subject', 'patient.identifier', 'subject:Patient.identifier', '_count']);

/**
 * A result series runs from a few to thousands of records. Asked beside the first screen, its first
 * page is kept small, so a long series never holds up the first screen's round trip: a series that
 * fits is complete in that round trip; a longer one is asked again by id in large pages once the
 * Patient is known (fetch-record.ts).
 */
export const SERIES_PROBE_COUNT = 100;

/** The query as the long-tail batch asks it: a result series with its first page kept small. */
const probing = (query: PatientQuery): PatientQuery =>
  isResultSeries(query) ? withParams(query, (params) => params.set('_count', String(SERIES_PROBE_COUNT))) : query;

/**
 * A query's identity whoever it is asked for: its type and every parameter but the patient's. The
 * first round asks before the Patient's id is known, the rest of the look-up by that id; the same
 * key finds the one's answer for the other. Two queries of one type (Observations asked by
 * category, where a source wants that) have two keys.
 */
export function queryKey(query: PatientQuery): string {
  const [path = '', search = ''] = query.url.split('?');
  const params = [...new URLSearchParams(search)].filter(([name]) => !NOT_WHICH_RECORDS.has(name)).sort(([a], [b]) => a.localeCompare(b));
  return `${path}?${new URLSearchParams(params).toString()}`;
}

/** True when the first round is worth asking this source as one batch. */
export function offersFirstRound(capabilities: Capabilities): boolean {
  return capabilities.batch && !capabilities.learned.has(NO_CHAINED_SEARCH);
}

/**
 * The query asked by the patient's identifier instead of the Patient's id: `patient=<id>` becomes
 * `patient.identifier=`, `subject=Patient/<id>` (a type searched by subject) `subject:Patient.identifier=`.
 */
export function chainedQuery(query: PatientQuery, context: PatientContext): PatientQuery {
  const [path = '', search = ''] = query.url.split('?');
  const params = new URLSearchParams(search);
  const identifier = `${context.identifier.system}|${context.identifier.value}`;
  const chained = new URLSearchParams();
  for (const [name, value] of params) {
    if (name === 'patient') chained.append('patient.identifier', identifier);
    else if (name === 'subject' && value.startsWith('Patient/')) chained.append('subject:Patient.identifier', identifier);
    else chained.append(name, value);
  }
  return { ...query, url: `${path}?${chained.toString()}` };
}

/**
 * Sends the Patient search and the first-screen queries by identifier as one batch, and the long
 * tail's queries by identifier as another beside it. A refused or unusable batch, or a refused
 * entry, only means those are asked the plain way.
 * @param queries - the first-screen queries as they would be asked by Patient id
 * @param tail - the other queries, likewise
 */
export async function askFirstRound(get: FhirGet, baseUrl: string, context: PatientContext, queries: readonly PatientQuery[], capabilities: Capabilities, signal: AbortSignal, tail: readonly PatientQuery[] = []): Promise<FirstRound> {
  const patientUrl = patientSearchUrl(baseUrl, context);
  const chained = queries.map((q) => chainedQuery(q, context));
  const chainedTail = tail.map((q) => chainedQuery(probing(q), context));
  const [entries, tailEntries] = await Promise.all([
    sendBatch(get, baseUrl, [patientUrl.slice(baseUrl.length + 1), ...chained.map((q) => q.url)], signal),
    chainedTail.length > 0 ? sendBatch(get, baseUrl, chainedTail.map((q) => q.url), signal) : undefined,
  ]);
  const answers = new Map<string, ChainedAnswer>();
  const keep = (query: PatientQuery, byId: PatientQuery, entry: BundleEntry) => {
    if (isBundle(entry.resource) && entryStatus(entry) < 300) answers.set(queryKey(byId), { url: `${baseUrl}/${query.url}`, page: entry.resource });
  };
  let patientAnswer: unknown;
  entries?.forEach((entry, i) => {
    const status = entryStatus(entry);
    if (i === 0) {
      if (isBundle(entry.resource) && status < 300) patientAnswer = entry.resource;
      return;
    }
    // 400 to a well-formed search: the source does not chain (or wants this one asked otherwise).
    if (status === 400) capabilities.learned.add(NO_CHAINED_SEARCH);
    keep(chained[i - 1]!, queries[i - 1]!, entry);
  });
  // A tail search refused by identifier is only asked by id; it says nothing of the first screen's.
  tailEntries?.forEach((entry, i) => keep(chainedTail[i]!, tail[i]!, entry));
  const answered: FhirGet = (url, s, init, peek) => {
    if (init || url !== patientUrl || patientAnswer === undefined) return get(url, s, init, peek);
    const body = patientAnswer;
    patientAnswer = undefined;
    return Promise.resolve(body);
  };
  return { get: answered, answers: patientAnswer === undefined ? new Map() : answers };
}

/** What a chained first page needs to be read to its end and checked. */
export interface ChainedReading {
  readonly get: FhirGet;
  readonly baseUrl: string;
  readonly patientId: string;
  readonly signal: AbortSignal;
  readonly maxPages: number;
  /** Given each page that passed the check as it arrives (rows prepared ahead, nothing drawn). */
  readonly onPage?: (resources: readonly FhirResource[]) => void;
}

/**
 * One search answered by identifier, read to its last page and cross-checked.
 * @param askById - the same query asked by the Patient's id: used when a record's patient reference cannot be read, or paging failed
 * @throws OtherPatientError when a record names another Patient (the source must stop)
 */
export async function readChained(reading: ChainedReading, answer: ChainedAnswer, resourceType: string, askById: () => Promise<QueryResult>): Promise<QueryResult> {
  const { get, baseUrl, patientId, signal, maxPages, onPage } = reading;
  let read: Awaited<ReturnType<typeof followPages>>;
  // A page is handed on early (to prepare its rows, never to draw them) only once it has passed the
  // check itself; the whole answer is checked again below before anything of it is used.
  const checkedPage = onPage && ((page: readonly FhirResource[]) => {
    try {
      if (allOfPatient(page, patientId, baseUrl)) onPage(page);
    } catch {
      // Another patient's record: the check below stops the source.
    }
  });
  try {
    read = await followPages(get, answer.page, answer.url, { signal, maxPages, baseUrl, ...(checkedPage ? { onPage: checkedPage } : {}) });
  } catch (error) {
    if (signal.aborted) throw error;
    return askById();
  }
  if (!allOfPatient(read.resources, patientId, baseUrl)) return askById();
  return { resourceType, resources: [...read.resources, ...(read.included ?? [])], problem: read.truncated };
}
