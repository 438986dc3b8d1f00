/**
 * What the demo build's service worker offers the end-to-end tests and the bench, kept free of
 * browser imports so that the Node side (scripts/extension-settings.ts) can share it.
 */
import type { UserSettings } from '../config/model';

/** The service worker global the hooks hang on. */
export const DEMO_HOOKS_GLOBAL = 'fhirsideDemoHooks';

export interface DemoHooks {
  /** The options page's own store: every open page and the background apply the change. */
  writeUserSettings(settings: UserSettings): Promise<void>;
}
