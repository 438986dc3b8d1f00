/** The async key-value storage lib/ needs; `storage.session` in the extension, a Map in tests. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  keys(): Promise<string[]>;
}

/** An in-memory KeyValueStore, for tests and for contexts without extension storage. */
export function memoryStore(): KeyValueStore {
  const map = new Map<string, unknown>();
  return {
    get: async (key) => structuredClone(map.get(key)),
    set: async (key, value) => void map.set(key, structuredClone(value)),
    remove: async (keys) => {
      for (const key of Array.isArray(keys) ? keys : [keys]) map.delete(key);
    },
    keys: async () => [...map.keys()],
  };
}
