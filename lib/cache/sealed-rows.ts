/** Reading one patient's sealed row from a table, the same way for every table. */
import type { Table } from './idb-table';
import type { CacheKeys } from './cache-keys';
import { patientHash, unseal, type Sealed } from './sealed';

/**
 * Opens the patient's row of `table`: undefined when there is none, or when it does not decrypt
 * (keys from an earlier browser session) or names another patient; then `forget` deletes it.
 * @param part - which sealed value of the row to open (the row itself unless told)
 */
export async function openSealedRow<R extends Sealed, T>(
  table: Table<R>, keys: CacheKeys, patientKey: string, forget: (hash: string) => Promise<unknown>, part: (row: R) => Sealed = (row) => row,
): Promise<{ readonly hash: string; readonly row: R; readonly value: T } | undefined> {
  const hash = await patientHash(keys, patientKey);
  const row = await table.get(hash);
  if (!row) return undefined;
  try {
    return { hash, row, value: await unseal<T>(keys, patientKey, part(row)) };
  } catch {
    await forget(hash);
    return undefined;
  }
}
