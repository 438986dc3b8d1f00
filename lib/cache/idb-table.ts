/**
 * The few IndexedDB operations the cache needs, as promises. Written against IndexedDB itself
 * rather than a library: a look-up loads this code before anything else, and the library fhirside
 * used before (Dexie) was a third of the panel's download for a dozen calls.
 */

/** Resolves with a request's result, rejects with its error. */
export function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves once the transaction has committed; rejects with its error (a full disk: QuotaExceededError). */
export function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new DOMException('The transaction was aborted', 'AbortError'));
  });
}

/** Which keys of a table to list, by one of its indexes. */
export interface KeyQuery {
  /** Only rows whose indexed value is below this. */
  readonly below?: number;
  /** At most this many, lowest indexed value first. */
  readonly limit?: number;
}

/** One object store, keyed by a string, with rows of type R. */
export class Table<R> {
  /**
   * @param database - opens the database (once) and gives the connection
   * @param name - the object store's name
   */
  constructor(private readonly database: () => Promise<IDBDatabase>, readonly name: string) {}

  /** Runs `use` against the store in a transaction of its own; resolves once that has committed. */
  private async run<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T> | undefined): Promise<T> {
    const transaction = (await this.database()).transaction(this.name, mode);
    const request = use(transaction.objectStore(this.name));
    const result = request ? requested(request) : Promise.resolve(undefined as T);
    await committed(transaction);
    return result;
  }

  get(key: string): Promise<R | undefined> {
    return this.run('readonly', (store) => store.get(key) as IDBRequest<R | undefined>);
  }

  async put(row: R): Promise<void> {
    await this.run('readwrite', (store) => store.put(row));
  }

  async delete(key: string): Promise<void> {
    await this.run('readwrite', (store) => store.delete(key));
  }

  async bulkDelete(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.run('readwrite', (store) => {
      for (const key of keys) store.delete(key);
      return undefined;
    });
  }

  /** Changes some fields of a row, if it is there (read and written in one transaction). */
  async update(key: string, changes: Partial<R>): Promise<void> {
    await this.run('readwrite', (store) => {
      const reading = store.get(key) as IDBRequest<R | undefined>;
      reading.onsuccess = () => {
        if (reading.result !== undefined) store.put({ ...reading.result, ...changes });
      };
      return undefined;
    });
  }

  count(): Promise<number> {
    return this.run('readonly', (store) => store.count());
  }

  async clear(): Promise<void> {
    await this.run('readwrite', (store) => store.clear());
  }

  toArray(): Promise<R[]> {
    return this.run('readonly', (store) => store.getAll() as IDBRequest<R[]>);
  }

  /** The keys of rows in the order of `index`, lowest first. */
  primaryKeys(index: string, query: KeyQuery = {}): Promise<string[]> {
    const range = query.below === undefined ? undefined : IDBKeyRange.upperBound(query.below, true);
    return this.run('readonly', (store) => store.index(index).getAllKeys(range, query.limit) as IDBRequest<string[]>);
  }
}
