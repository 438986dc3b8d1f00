/**
 * In-memory storage for the authorization server's sign-ins, grants and tokens. One store per
 * server (the package's built-in adapter shares one module-level store between every provider in
 * the process, and tests start several), unbounded (its LRU of 1000 entries would silently drop a
 * live refresh token during a long demo), and emptied by `clear()` on close.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  readonly payload: AdapterPayload;
  readonly expiresAt: number;
}

/** Models whose entries belong to a grant and go when the grant is revoked. */
const GRANT_MEMBERS = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);

export interface MemoryStore {
  adapterFor(model: string): Adapter;
  clear(): void;
}

/** @param now - clock in milliseconds, injectable for tests */
export function createMemoryStore(now: () => number = Date.now): MemoryStore {
  const entries = new Map<string, Entry>();
  const sessionsByUid = new Map<string, string>();
  const grantMembers = new Map<string, Set<string>>();

  let writes = 0;

  // Expired entries are otherwise only dropped when read; a periodic sweep keeps a long-running
  // demo from holding every token it ever issued.
  function sweep(): void {
    const t = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= t) entries.delete(key);
    for (const [grantId, members] of grantMembers) {
      for (const member of members) if (!entries.has(member)) members.delete(member);
      if (members.size === 0) grantMembers.delete(grantId);
    }
    for (const [uid, id] of sessionsByUid) if (!entries.has(`Session:${id}`)) sessionsByUid.delete(uid);
  }

  function read(key: string): AdapterPayload | undefined {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  return {
    clear() {
      entries.clear();
      sessionsByUid.clear();
      grantMembers.clear();
    },
    adapterFor(model: string): Adapter {
      const key = (id: string) => `${model}:${id}`;
      return {
        async upsert(id, payload, expiresIn) {
          if (++writes % 256 === 0) sweep();
          const expiresAt = typeof expiresIn === 'number' ? now() + expiresIn * 1000 : Infinity;
          entries.set(key(id), { payload, expiresAt });
          if (model === 'Session' && payload.uid !== undefined) sessionsByUid.set(payload.uid, id);
          if (GRANT_MEMBERS.has(model) && payload.grantId !== undefined) {
            const members = grantMembers.get(payload.grantId) ?? new Set<string>();
            members.add(key(id));
            grantMembers.set(payload.grantId, members);
          }
        },
        async find(id) {
          return read(key(id));
        },
        async findByUid(uid) {
          const id = sessionsByUid.get(uid);
          return id === undefined ? undefined : read(key(id));
        },
        // The device flow, the only user of user codes, is off.
        async findByUserCode() {
          return undefined;
        },
        async consume(id) {
          const payload = read(key(id));
          if (payload !== undefined) payload.consumed = Math.floor(now() / 1000);
        },
        async destroy(id) {
          entries.delete(key(id));
        },
        async revokeByGrantId(grantId) {
          for (const member of grantMembers.get(grantId) ?? []) entries.delete(member);
          grantMembers.delete(grantId);
        },
      };
    },
  };
}
