/**
 * Lets the end-to-end tests and the bench configure the demo build the trusted way: through the
 * settings store the options page writes, never `storage.local`, which the extension no longer reads
 * for settings. A production build has no hook (DEMO_BUILD folds to false and the bundler drops it).
 */
import { DEMO_BUILD } from '../config/build-mode';
import { DEMO_HOOKS_GLOBAL, type DemoHooks } from './demo-hooks-contract';
import { writeUserSettings } from './user-settings-store';

/** Puts the hooks on the global scope of a demo build; does nothing in production. */
export function exposeDemoTestHooks(scope: object): void {
  if (!DEMO_BUILD) return;
  const hooks: DemoHooks = { writeUserSettings };
  Object.assign(scope, { [DEMO_HOOKS_GLOBAL]: hooks });
}
