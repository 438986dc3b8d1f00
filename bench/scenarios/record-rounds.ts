/**
 * How many sequential rounds each source needs for one patient's record (bench/floor.ts), read
 * from the servers themselves: each of the product's searches asked once for its total.
 */
import { DEFAULT_MAX_SEARCH_COUNT } from '@medplum/core';
import { DEFAULT_SOURCES } from '../../lib/config/defaults';
import { patientQueries } from '../../lib/sources/queries';
import { NHS_NUMBER_SYSTEM } from '../../sandbox/config';
import { fewestRounds } from '../floor';

interface SearchBundle {
  readonly total?: number;
  readonly entry?: readonly { readonly resource?: { readonly id?: string } }[];
}

async function search(url: string, token: string): Promise<SearchBundle> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/fhir+json' } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as SearchBundle;
}

export interface RecordRounds {
  readonly rounds: number;
  /** Matches per resource type (empty where the source does not know the patient). */
  readonly totals: Readonly<Record<string, number>>;
}

/**
 * Rounds per source id for the patient with this NHS number.
 * @param tokens - an access token per source id
 * @param horizonDays - the Observation horizon the look-up uses, when not the product default
 */
export async function recordRounds(nhsNumber: string, tokens: Readonly<Record<string, string>>, horizonDays?: number): Promise<Record<string, RecordRounds>> {
  // Side by side, on loopback: a second or so of a smoke run is worth keeping.
  const counted = await Promise.all(DEFAULT_SOURCES.map(async (source) => {
    const token = tokens[source.id] ?? '';
    const patients = await search(`${source.fhirBaseUrl}/Patient?identifier=${encodeURIComponent(`${NHS_NUMBER_SYSTEM}|${nhsNumber}`)}`, token);
    const id = patients.entry?.[0]?.resource?.id;
    const totals: Record<string, number> = {};
    if (id) {
      const config = horizonDays === undefined ? source : { ...source, observationHorizonDays: horizonDays };
      await Promise.all(patientQueries(config, id, Date.now()).map(async (query) => {
        const url = new URL(`${source.fhirBaseUrl}/${query.url}`);
        url.searchParams.set('_count', '1');
        const bundle = await search(url.href, token);
        totals[query.resourceType] = (totals[query.resourceType] ?? 0) + (bundle.total ?? bundle.entry?.length ?? 0);
      }));
    }
    return [source.id, { rounds: fewestRounds(Object.values(totals), DEFAULT_MAX_SEARCH_COUNT), totals }] as const;
  }));
  return Object.fromEntries(counted);
}
