/**
 * An EHR launch signs in apart from the source's standing session. fhirclient's authorize clears the
 * stored tokens of the slot it runs in, so a launch in the source's own slot would sign the clinician
 * out of that source each time any page opened the launch page. The launch runs in its own slot
 * (`smart:launch.<id>:`; a source id has no dots, so no source owns it) and, once the clinician has
 * confirmed the patient, becomes the standing session only where the source had none.
 */
import type { KeyValueStore } from './key-value-store';
import { signOut } from './smart-auth';
import { storeKeyPrefix, storedState } from './smart-storage';
import { withLock } from './source-lock';
import type { SourceConfig } from './source-config';

/** The source as the launch signs in to it: the same server, its own session slot. */
export function launchSlot(source: SourceConfig): SourceConfig {
  return { ...source, id: `launch.${source.id}` };
}

/**
 * After a confirmed launch: keeps the launch's sign-in as the source's session when the source had
 * none, never replacing one it has; the launch slot is emptied either way.
 */
export async function settleLaunchSession(store: KeyValueStore, source: SourceConfig): Promise<void> {
  const slot = launchSlot(source).id;
  // The same lock as a token refresh: a panel renewing the standing session meanwhile is not overwritten.
  await withLock(`fhirside-token-${source.id}`, async () => {
    if (!(await storedState(store, source.id))?.tokenResponse?.access_token) {
      const from = storeKeyPrefix(slot);
      const to = storeKeyPrefix(source.id);
      for (const key of (await store.keys()).filter((k) => k.startsWith(from))) await store.set(to + key.slice(from.length), await store.get(key));
    }
    await signOut(store, slot);
  });
}

/** Forgets a launch that was not confirmed. */
export function dropLaunchSession(store: KeyValueStore, source: SourceConfig): Promise<void> {
  return signOut(store, launchSlot(source).id);
}
