/**
 * One query's search, asked the way the source answers it (lib/sources/adapt-query.ts): a 400 to
 * a well-formed search is taken as the server's way of saying how it wants to be asked, first
 * without `_sort`, then (for Observation and CarePlan) one category at a time. What worked is
 * remembered for the source, and a limit it imposes is said in words with the records.
 */
import { CATEGORY_SPLITS, NO_SORT, byCategory, categoryNote, sorts, splitByCategory, withoutSort } from './adapt-query';
import { FhirRequestError } from './fhir-error';
import type { FetchRecordOptions, QueryResult } from './fetch-record';
import { problemOf } from './query-problem';
import type { PatientQuery } from './queries';
import { keptOnce, searchAll } from './search';

const refusedAsAsked = (error: unknown) => error instanceof FhirRequestError && error.status === 400;

async function search(options: FetchRecordOptions, query: PatientQuery): Promise<QueryResult> {
  const { get, baseUrl, signal, maxPages, onPage } = options;
  const { resources, included = [], truncated } = await searchAll(get, `${baseUrl}/${query.url}`, { signal, maxPages, baseUrl, onPage });
  // `_include`d Medications and Devices travel with the records that name them (sources/referents.ts).
  return { resourceType: query.resourceType, resources: [...resources, ...included], problem: truncated };
}

/** The query's search one category at a time, merged (a record in two categories once). */
async function searchByCategory(options: FetchRecordOptions, query: PatientQuery): Promise<QueryResult> {
  const parts = await Promise.all(splitByCategory(query).map((part) => search(options, part)));
  const problem = parts.find((p) => p.problem)?.problem;
  return { resourceType: query.resourceType, resources: keptOnce(parts.flatMap((part) => part.resources)), note: categoryNote(query.resourceType), ...(problem ? { problem } : {}) };
}

/** Runs one query, adapting it to the source; never throws but on abort. */
export async function searchAdapting(options: FetchRecordOptions, query: PatientQuery): Promise<QueryResult> {
  const learned = options.capabilities?.learned ?? new Set<string>();
  const split = query.resourceType in CATEGORY_SPLITS;
  let plan = learned.has(NO_SORT) ? withoutSort(query) : query;
  try {
    if (split && learned.has(byCategory(query.resourceType))) return await searchByCategory(options, plan);
    try {
      return await search(options, plan);
    } catch (error) {
      if (!refusedAsAsked(error) || !sorts(plan)) throw error;
      plan = withoutSort(plan);
      const answer = await search(options, plan);
      learned.add(NO_SORT);
      return answer;
    }
  } catch (error) {
    if (options.signal.aborted) throw error;
    if (!refusedAsAsked(error) || !split || learned.has(byCategory(query.resourceType))) {
      return { resourceType: query.resourceType, resources: [], problem: problemOf(error) };
    }
    learned.add(byCategory(query.resourceType));
    try {
      return await searchByCategory(options, plan);
    } catch (again) {
      if (options.signal.aborted) throw again;
      return { resourceType: query.resourceType, resources: [], problem: problemOf(again) };
    }
  }
}
