/**
 * The first screen in one round trip. Asked the plain way, a look-up waits for the Patient search
 * before it can ask for that Patient's allergies, problems and medicines: two round trips in a row
 * per source, which on a hospital network is most of the wait. Where the source takes batches,
 * one batch carries the Patient search and each first-screen search asked by the patient's
 * identifier (a chained search: `Condition?patient.identifier=<system>|<value>`, FHIR R4 §3.1.1.4.11).
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
import { isBundle, type Bundle } from '../fhir/resource';
import type { QueryResult } from './fetch-record';
import { allOfPatient } from './patient-check';
import type { PatientQuery } from './queries';
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
  /** Per resource type, the first page of its first-screen search asked by identifier. */
  readonly answers: ReadonlyMap<string, ChainedAnswer>;
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
 * Sends the Patient search and the first-screen queries by identifier as one batch. A refused or
 * unusable batch, or a refused entry, only means those are asked the plain way.
 * @param queries - the first-screen queries as they would be asked by Patient id
 */
export async function askFirstRound(get: FhirGet, baseUrl: string, context: PatientContext, queries: readonly PatientQuery[], capabilities: Capabilities, signal: AbortSignal): Promise<FirstRound> {
  const patientUrl = patientSearchUrl(baseUrl, context);
  const chained = queries.map((q) => chainedQuery(q, context));
  const entries = await sendBatch(get, baseUrl, [patientUrl.slice(baseUrl.length + 1), ...chained.map((q) => q.url)], signal);
  const answers = new Map<string, ChainedAnswer>();
  let patientAnswer: unknown;
  entries?.forEach((entry, i) => {
    const status = entryStatus(entry);
    if (i === 0) {
      if (isBundle(entry.resource) && status < 300) patientAnswer = entry.resource;
      return;
    }
    // 400 to a well-formed search: the source does not chain (or wants this one asked otherwise).
    if (status === 400) capabilities.learned.add(NO_CHAINED_SEARCH);
    const query = chained[i - 1]!;
    if (isBundle(entry.resource) && status < 300) answers.set(query.resourceType, { url: `${baseUrl}/${query.url}`, page: entry.resource });
  });
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
}

/**
 * One first-screen search answered by identifier, read to its last page and cross-checked.
 * @param askById - the same query asked by the Patient's id: used when a record's patient reference cannot be read, or paging failed
 * @throws OtherPatientError when a record names another Patient (the source must stop)
 */
export async function readChained(reading: ChainedReading, answer: ChainedAnswer, resourceType: string, askById: () => Promise<QueryResult>): Promise<QueryResult> {
  const { get, baseUrl, patientId, signal, maxPages } = reading;
  let read: Awaited<ReturnType<typeof followPages>>;
  try {
    // No onPage: nothing of these records is used before the whole answer is checked.
    read = await followPages(get, answer.page, answer.url, { signal, maxPages, baseUrl });
  } catch (error) {
    if (signal.aborted) throw error;
    return askById();
  }
  if (!allOfPatient(read.resources, patientId, baseUrl)) return askById();
  return { resourceType, resources: [...read.resources, ...(read.included ?? [])], problem: read.truncated };
}
