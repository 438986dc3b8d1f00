/**
 * What each source's CapabilityStatement said the last time it was read in this browser session.
 *
 * Reading `/metadata` costs a round trip before the first search can be built; on a hospital
 * network that is a third of a cold look-up's wait. So the look-up builds its first round trip
 * from what the source said earlier, sends it while `/metadata` is read again beside it, and keeps
 * the answers only if the statement is unchanged (lib/lookup.ts). A changed statement costs the
 * saved round trip back, never a wrong query's answer.
 *
 * Kept in `storage.session`: memory only, gone when the browser closes, never on disk. A statement
 * is no secret and names no patient, but nothing about a source outlives the session it was read in.
 */
import type { Capabilities } from './capabilities';
import type { KeyValueStore } from './key-value-store';
import type { SourceConfig } from './source-config';

export interface KnownCapabilities {
  read(source: SourceConfig): Promise<Capabilities | undefined>;
  write(source: SourceConfig, capabilities: Capabilities): Promise<void>;
}

/** A statement older than this is not used to build a request before it is read again. */
const KNOWN_FOR_MS = 12 * 60 * 60 * 1000;

const PREFIX = 'capabilities:';

interface Saved {
  readonly savedAt: number;
  readonly statement: Omit<Capabilities, 'learned'>;
  readonly learned: string[];
}

/** Per source and base URL: a source moved to another server is a source not yet read. */
const keyOf = (source: SourceConfig) => `${PREFIX}${source.id} ${source.fhirBaseUrl}`;

/** The part of Capabilities read from the statement (what was learned by asking is kept apart). */
function statementOf(capabilities: Capabilities): Omit<Capabilities, 'learned'> {
  const { batch, searchParams, includes, operations, patientOperations } = capabilities;
  return { batch, searchParams, includes, operations, patientOperations };
}

/** True when two readings of a statement say the same: then requests built from one suit the other. */
export function sameStatement(a: Capabilities, b: Capabilities): boolean {
  return JSON.stringify(statementOf(a)) === JSON.stringify(statementOf(b));
}

/** Whatever the store holds is checked before use: a bad entry is no entry. */
function isSaved(value: unknown): value is Saved {
  const saved = value as Saved | undefined;
  return typeof saved?.savedAt === 'number' && typeof saved.statement?.batch === 'boolean' && Array.isArray(saved.learned);
}

export function knownCapabilities(store: KeyValueStore, now: () => number = Date.now): KnownCapabilities {
  return {
    async read(source) {
      const saved = await store.get(keyOf(source)).catch(() => undefined);
      if (!isSaved(saved) || now() - saved.savedAt > KNOWN_FOR_MS || saved.savedAt > now()) return undefined;
      return { ...saved.statement, learned: new Set(saved.learned) };
    },
    async write(source, capabilities) {
      const saved: Saved = { savedAt: now(), statement: statementOf(capabilities), learned: [...capabilities.learned] };
      await store.set(keyOf(source), saved).catch(() => undefined);
    },
  };
}
