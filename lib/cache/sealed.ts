/**
 * Sealing a record for IndexedDB: the name is an HMAC of the patient key (no NHS number on disk,
 * even as a key) and the content is AES-GCM encrypted with a fresh IV. Both keys live only in
 * session storage, so after a browser restart nothing here can be read or even found.
 */
import type { CacheKeys } from './cache-keys';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface Sealed {
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly ciphertext: ArrayBuffer;
}

/** The on-disk name of a patient's records. */
export async function patientHash(keys: CacheKeys, patientKey: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', keys.naming, encoder.encode(patientKey));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Encrypts a value together with the patient it belongs to. */
export async function seal(keys: CacheKeys, patientKey: string, value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plaintext = encoder.encode(JSON.stringify({ patientKey, value }));
  return { iv, ciphertext: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, keys.encryption, plaintext) };
}

/**
 * Decrypts a sealed value. Throws when it does not decrypt (keys from an earlier browser session,
 * tampering) or names another patient: the caller deletes it and carries on without it.
 */
export async function unseal<T>(keys: CacheKeys, patientKey: string, sealed: Sealed): Promise<T> {
  const plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, keys.encryption, sealed.ciphertext);
  const stored = JSON.parse(decoder.decode(plaintext)) as { patientKey: string; value: T };
  if (stored.patientKey !== patientKey) throw new Error('sealed record belongs to another patient');
  return stored.value;
}
