/**
 * `storage.managed`: the policy IT sets (Chrome/Edge 3rdparty policy, Firefox policies.json
 * `3rdparty.Extensions`). The one place that knows the browsers differ here.
 */
import { browser } from 'wxt/browser';

/**
 * Reads the managed policy; {} when none applies. Firefox rejects the call when no policy names
 * the extension ("Managed storage manifest not found"): that is "no policy", not an error.
 */
export async function readManagedPolicy(): Promise<Record<string, unknown>> {
  try {
    return (await browser.storage.managed.get(null)) ?? {};
  } catch {
    return {};
  }
}

/**
 * Calls back when the policy changes. Chrome and Edge fire `storage.onChanged` with area
 * `managed`; Firefox has no such event and reads policies.json at start only.
 */
export function onManagedPolicyChanged(callback: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
