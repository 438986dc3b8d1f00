/** Wires lib/ to the browser for the panel: stores, database, auth and the look-up's dependencies. */
import { loadCacheKeys, type CacheKeys } from '@/lib/cache/cache-keys';
import { FhirsideDatabase } from '@/lib/cache/db';
import { clearAllData } from '@/lib/cache/clear-all';
import { sourcesFingerprint } from '@/lib/cache/sources-fingerprint';
import { copyAccess, type OwnedCopy } from '@/lib/cache/copy-owners';
import { clearCache, enforcePatientLimit, purgeExpired, readCachedRecord, readCachedSummary, writeCachedSummary } from '@/lib/cache/summary-cache';
import { browser } from 'wxt/browser';
import type { EffectiveConfig } from '@/lib/config/effective-config';
import type { LookupDeps, SavedSources } from '@/lib/lookup';
import type { Summary } from '@/lib/summary/model';
import { launchWebAuthFlow, redirectUri } from '@/lib/platform/web-auth-flow';
import { sessionStore } from '@/lib/platform/session-store';
import type { Capabilities } from '@/lib/sources/capabilities';
import { knownCapabilities, type KnownCapabilities } from '@/lib/sources/known-capabilities';
import { patientHash } from '@/lib/cache/sealed';
import { accessTokenProvider, restoreSession, signIn, signOut, type SmartAuthDeps, type SmartSession } from '@/lib/sources/smart-auth';
import { revokeTokens } from '@/lib/sources/revoke-tokens';
import { dropSessionsIfSourcesChanged } from '@/lib/sources/session-binding';
import type { SourceConfig } from '@/lib/sources/source-config';

export interface PanelServices {
  /** The configuration the panel started with (a change reloads the panel). */
  readonly config: EffectiveConfig;
  readonly store: ReturnType<typeof sessionStore>;
  readonly sources: readonly SourceConfig[];
  readonly lookupDeps: LookupDeps;
  /** Signs in to the given sources, one after another; returns a message per failure. */
  signIn(sourceIds: readonly string[]): Promise<string[]>;
  /** Forgets one source's tokens. */
  signOut(sourceId: string): Promise<void>;
  /** Forgets every token and wipes the cache: nothing of any patient is left. */
  signOutAll(): Promise<void>;
  /** The cache database, for the changed-since snapshots. */
  readonly db: FhirsideDatabase;
  readonly cacheKeys: Promise<CacheKeys>;
}

/** Creates the panel's services once per panel page. */
export function createPanelServices(config: EffectiveConfig): PanelServices {
  const store = sessionStore();
  const db = new FhirsideDatabase();
  // Opened now, beside the keys: the first look-up's read of the saved copy does not wait for it.
  const opened = db.open();
  const sources = config.sources;
  const auth: SmartAuthDeps = { store, launchWebAuthFlow, redirectUri: redirectUri() };
  // Each source's session as restored from the store, once per panel: a restore in flight is shared
  // (the panel's opening starts them all), and one that found no session is tried afresh next time.
  const clients = new Map<string, Promise<SmartSession | undefined>>();
  const clientOf = (source: SourceConfig): Promise<SmartSession | undefined> => {
    const known = clients.get(source.id);
    if (known) return known;
    const restoring = sessionsChecked.then(() => restoreSession(auth, source));
    clients.set(source.id, restoring);
    const forget = () => clients.get(source.id) === restoring && clients.delete(source.id);
    restoring.then((client) => client ?? forget(), forget);
    return restoring;
  };
  const capabilities = new Map<string, Promise<Capabilities>>();

  // New keys mean a new browser session: whatever is on disk was written under keys now gone.
  // New sources mean the saved summaries came from servers no longer configured.
  const keys: Promise<CacheKeys> = loadCacheKeys(store).then(async (loaded) => {
    const fingerprint = sourcesFingerprint(sources);
    const { sourcesFingerprint: previous } = await browser.storage.local.get('sourcesFingerprint');
    if (loaded.fresh || previous !== fingerprint) await clearCache(db);
    if (previous !== fingerprint) await browser.storage.local.set({ sourcesFingerprint: fingerprint });
    // Every read refuses a copy past its age as well, so the purge need not hold up the first one.
    void purgeExpired(db, config.cache.maxAgeMs, Date.now()).catch(() => undefined);
    return loaded;
  });

  // Which patients have a saved copy (by hash), read as the panel opens and kept up to date with
  // this panel's own saves: a look-up for anyone else asks the sources without waiting on IndexedDB.
  // A copy another window saves is missing from it; that patient's look-up draws the copy when read
  // and fetches the record whole, once. If it cannot be read, every look-up waits for its copy.
  const savedPatients: Promise<Set<string> | undefined> = Promise.all([keys, opened])
    .then(() => db.summaries.primaryKeys('savedAt'))
    .then((hashes) => new Set(hashes), () => undefined);

  // Tokens issued under another source list are never used: the list changed, so did where they may go.
  const sessionsChecked = dropSessionsIfSourcesChanged(store, sources);

  const session = async (source: SourceConfig) => {
    const client = await clientOf(source);
    return client && accessTokenProvider(auth, source, client);
  };
  // Restored as the panel opens, not when the page first names a patient: the first look-up's
  // requests then wait for nothing but the saved-copy check.
  for (const source of sources) if (source.auth === 'smart') void session(source).catch(() => undefined);

  /** Per source, who holds its session now: the key a saved copy is owned under. */
  const usersOf = async (sourceIds: readonly string[]): Promise<Record<string, string | undefined>> => {
    await sessionsChecked;
    const entries = await Promise.all(
      sourceIds.map(async (id) => {
        const source = sources.find((s) => s.id === id);
        if (!source) return [id, undefined] as const;
        // An open source signs nobody in: what it serves, it serves to anyone at this browser.
        if (source.auth === 'none') return [id, 'anyone'] as const;
        const client = await clientOf(source);
        return [id, client?.getUser()] as const;
      }),
    );
    return Object.fromEntries(entries);
  };

  return {
    config,
    store,
    sources,
    lookupDeps: {
      sources,
      fetch: (input, init) => fetch(input, init),
      session,
      capabilities,
      knownCapabilities: remembered(knownCapabilities(store), sources),
      cache: {
        holds: async (patientKey) => (await savedPatients)?.has(await patientHash(await keys, patientKey)) ?? true,
        read: async (patientKey) => {
          // A panel can stay open all shift: the age limit is enforced at every read, not only at
          // start. The copy is read first and refused if too old; the purge's writes come after,
          // off the way to the screen.
          const loaded = await keys;
          const now = Date.now();
          const cached = await readCachedSummary<OwnedCopy<Summary>>(db, loaded, patientKey, now);
          void purgeExpired(db, config.cache.maxAgeMs, now).catch(() => undefined);
          if (!cached || now - cached.savedAt > config.cache.maxAgeMs) return undefined;
          // Shared workstation: only the user who fetched it, signed in now to every source it came from.
          const owners = cached.value.owners;
          const access = copyAccess(owners, await usersOf(Object.keys(owners ?? {})));
          if (access.kind === 'withheld') return { withheld: access.sources };
          if (access.kind !== 'shown') return undefined;
          const whole = cached.whole;
          return { value: cached.value.summary, savedAt: cached.savedAt, ...(whole ? { whole: async () => (await whole()).summary } : {}) };
        },
        readSources: async (patientKey) => readCachedRecord<SavedSources>(db, await keys, patientKey),
        write: async (patientKey, value, savedAt) => {
          const users = await usersOf(Object.keys(value.sources));
          // A session that ended during the look-up leaves a copy nobody could own: not saved.
          if (Object.values(users).some((user) => user === undefined)) return;
          const owners = users as Record<string, string>;
          const firstScreen: OwnedCopy<Summary> | undefined = value.firstScreen && { summary: value.firstScreen, owners };
          const loaded = await keys;
          await writeCachedSummary(db, loaded, patientKey, { summary: value.summary, owners }, savedAt, Date.now(), value.sources, firstScreen);
          (await savedPatients)?.add(await patientHash(loaded, patientKey));
          // Housekeeping by count need not hold up the look-up that was saved.
          void enforcePatientLimit(db, config.cache.maxPatients).catch(() => undefined);
        },
      },
      now: () => Date.now(),
    },
    async signIn(sourceIds) {
      const failures: string[] = [];
      await sessionsChecked;
      for (const source of sources.filter((s) => sourceIds.includes(s.id))) {
        try {
          // Single sign-on at the authorization server often makes later sources silent.
          await signIn(auth, source, false).catch(() => signIn(auth, source, true));
          // Restored from the store at next use, as the session it now is (bound, and with its user).
          clients.delete(source.id);
        } catch (error) {
          failures.push(`${source.name}: ${error instanceof Error ? error.message : 'sign-in failed'}`);
        }
      }
      return failures;
    },
    async signOut(sourceId) {
      clients.delete(sourceId);
      await signOut(store, sourceId);
    },
    async signOutAll() {
      // The server ends the tokens too, where it offers revocation; then nothing is left here.
      await Promise.all(
        sources.map(async (source) => {
          const session = source.auth === 'smart' ? await restoreSession(auth, source) : undefined;
          if (session) await revokeTokens((i, init) => fetch(i, init), source, session.state);
        }),
      );
      clients.clear();
      await clearAllData(db, store);
    },
    db,
    cacheKeys: keys,
  };
}

/**
 * What each source's statement said, read for every source as the panel opens, so a look-up finds
 * it in memory: each use reads the store again for the next one (which also ends a statement past
 * its twelve hours). A look-up built on an older reading is checked against /metadata like any
 * other (sources/known-capabilities.ts).
 */
function remembered(known: KnownCapabilities, sources: readonly SourceConfig[]): KnownCapabilities {
  const fromStore = (source: SourceConfig) => known.read(source).catch(() => undefined);
  const reads = new Map(sources.map((source) => [source.id, fromStore(source)]));
  return {
    read(source) {
      const current = reads.get(source.id) ?? fromStore(source);
      reads.set(source.id, fromStore(source));
      return current;
    },
    async write(source, capabilities) {
      reads.set(source.id, Promise.resolve(capabilities));
      await known.write(source, capabilities);
    },
  };
}
