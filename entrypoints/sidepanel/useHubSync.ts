import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { HubSync } from '@/components/HubSyncWarning';
import type { KeyValueStore } from '@/lib/sources/key-value-store';

/** Where the background keeps its FHIRcast subscription's state (entrypoints/background.ts). */
const KEY = 'fhircast:status';

/** The FHIRcast subscription's state, live. */
export function useHubSync(store: KeyValueStore): HubSync | undefined {
  const [sync, setSync] = useState<HubSync | undefined>(undefined);
  useEffect(() => {
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && KEY in changes) setSync(changes[KEY]!.newValue as HubSync | undefined);
    };
    browser.storage.onChanged.addListener(onChanged);
    void store.get(KEY).then((value) => setSync((now) => now ?? (value as HubSync | undefined)));
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [store]);
  return sync;
}
