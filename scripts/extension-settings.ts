/**
 * Saves the clinician's settings in a running demo build, for the end-to-end tests and the bench:
 * through the same store the options page writes (lib/platform/demo-test-hooks.ts), so every open
 * panel and the background apply them as they would a change made on the options page.
 */
import type { UserSettings } from '../lib/config/model';
import { DEMO_HOOKS_GLOBAL, type DemoHooks } from '../lib/platform/demo-hooks-contract';
import type { ExtensionBrowser } from './extension-browser';

/** Replaces the saved settings; `{}` is back to no settings of the clinician's own. */
export async function saveUserSettings(browser: ExtensionBrowser, settings: UserSettings): Promise<void> {
  await browser.background.evaluate(
    async ([name, wanted]) => {
      const hooks = (globalThis as unknown as Record<string, DemoHooks | undefined>)[name];
      if (!hooks) throw new Error('fhirside: no demo test hooks in this build (is it the demo build?)');
      await hooks.writeUserSettings(wanted);
    },
    [DEMO_HOOKS_GLOBAL, settings] as const,
  );
}
