/**
 * The extension origin's own small IndexedDB database for the clinician's settings. Content scripts
 * run in the web page's origin, so unlike `storage.local` they cannot open it: a compromised EPR page
 * cannot add a source (docs/hazard-log.md, settings changed from a compromised page).
 * Raw IndexedDB rather than Dexie: two keys, and no schema to version.
 */

const DATABASE = 'fhirside-settings';
const STORE = 'settings';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function open(): Promise<IDBDatabase> {
  const opening = indexedDB.open(DATABASE, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
  return request(opening);
}

/**
 * Runs `body` in one read-write transaction and resolves with its result once the transaction has
 * committed. Read-write transactions on one store run one at a time, across every extension page.
 * The connection is closed afterwards, so no open connection ever blocks a deletion or an upgrade.
 */
export async function inSettingsTransaction<T>(body: (store: IDBObjectStore) => Promise<T>): Promise<T> {
  const db = await open();
  try {
    const transaction = db.transaction(STORE, 'readwrite');
    const done = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error ?? new Error('fhirside: settings transaction aborted'));
    });
    const result = await body(transaction.objectStore(STORE));
    await done;
    return result;
  } finally {
    db.close();
  }
}

/** Reads one key inside a transaction. */
export const getKey = (store: IDBObjectStore, key: string): Promise<unknown> => request(store.get(key));

/** Writes one key inside a transaction. */
export const putKey = async (store: IDBObjectStore, key: string, value: unknown): Promise<void> => {
  await request(store.put(value, key));
};

/** The database's name, for tests and hooks that must reach it. */
export const SETTINGS_DATABASE = DATABASE;
