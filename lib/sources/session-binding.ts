/**
 * A stored session is bound to where it was issued: the FHIR base URL, the client id and the token
 * endpoint. If configuration later moves a source (an edited base URL, a policy migration, a
 * tampered setting), the next look-up must not send the old bearer token to the new host, nor the
 * refresh token to a new token endpoint: the session is dropped and the clinician signs in again.
 */
import type { fhirclient } from 'fhirclient/lib/types';
import type { KeyValueStore } from './key-value-store';
import { storeKeyPrefix, storedState } from './smart-storage';
import type { SourceConfig } from './source-config';

/** What a session was issued for. */
interface SessionBinding {
  readonly fhirBaseUrl: string;
  readonly clientId: string | undefined;
  readonly tokenUri: string | undefined;
}

const bindingKey = (sourceId: string) => `${storeKeyPrefix(sourceId)}binding`;
/** Where the configured source list a set of sessions belongs to is remembered (session store). */
const SOURCES_KEY = 'session-sources';

/** Records, after a sign-in, what its tokens were issued for. */
export async function bindSession(store: KeyValueStore, source: SourceConfig, state: fhirclient.ClientState): Promise<void> {
  const binding: SessionBinding = { fhirBaseUrl: source.fhirBaseUrl, clientId: source.clientId, tokenUri: state.tokenUri };
  await store.set(bindingKey(source.id), binding);
}

function holds(binding: SessionBinding | undefined, source: SourceConfig, state: fhirclient.ClientState): boolean {
  return (
    binding !== undefined &&
    binding.fhirBaseUrl === source.fhirBaseUrl &&
    binding.clientId === source.clientId &&
    state.clientId === source.clientId &&
    binding.tokenUri === state.tokenUri
  );
}

/** Forgets every key of one source's session. */
export async function dropSession(store: KeyValueStore, sourceId: string): Promise<void> {
  const prefix = storeKeyPrefix(sourceId);
  await store.remove((await store.keys()).filter((key) => key.startsWith(prefix)));
}

/**
 * The stored state of a source, only while it was issued for this source as configured now;
 * a session that is unbound or bound elsewhere is dropped, never used.
 */
export async function boundState(store: KeyValueStore, source: SourceConfig): Promise<fhirclient.ClientState | undefined> {
  const state = await storedState(store, source.id);
  if (!state) return undefined;
  // A sign-in in progress holds no token yet, so nothing that could go to the wrong host: it is
  // left to finish (dropping it would break the sign-in another page is running right now).
  if (!state.tokenResponse?.access_token) return state;
  if (holds((await store.get(bindingKey(source.id))) as SessionBinding | undefined, source, state)) return state;
  await dropSession(store, source.id);
  return undefined;
}

/** A stable description of the configured sources and how each signs in. */
const sourceList = (sources: readonly SourceConfig[]) =>
  sources
    .map((s) => `${s.id}=${s.fhirBaseUrl}|${s.clientId ?? ''}`)
    .sort()
    .join(' ');

/** Drops every source's session when the configured source list is not the one they were issued under. */
export async function dropSessionsIfSourcesChanged(store: KeyValueStore, sources: readonly SourceConfig[]): Promise<void> {
  const current = sourceList(sources);
  const previous = await store.get(SOURCES_KEY);
  if (previous === current) return;
  // The first look in a browser session has no list to compare with (an EHR launch may already
  // have signed in): each session's own binding still guards it.
  if (previous !== undefined) await store.remove((await store.keys()).filter((key) => key.startsWith('smart:')));
  await store.set(SOURCES_KEY, current);
}
