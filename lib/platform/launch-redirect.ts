/**
 * Keeps the browser's redirect from the launch URL to fhirside's launch page in step with the
 * configuration (lib/context/launch-redirect.ts builds it). A dynamic rule, not a session rule:
 * it holds from the browser's start, before anything has woken the background, so the first launch
 * of the day works.
 */
import { browser } from 'wxt/browser';
import type { EffectiveConfig } from '../config/effective-config';
import { keyedQueue } from '../context/keyed-queue';
import { LAUNCH_REDIRECT_RULE_ID, launchInitiatorHosts, launchRedirectRule } from '../context/launch-redirect';

// A policy change can arrive while the last one is still being written.
const oneAtATime = keyedQueue();

/** Replaces the launch URL's redirect with the one `config` asks for (none when it sets no launch URL). */
export function syncLaunchRedirect(config: EffectiveConfig): Promise<void> {
  const rule = launchRedirectRule(config.launchUrl, launchInitiatorHosts(config.contextRules, config.launchOrigins ?? []), browser.runtime.getURL('/launch.html'));
  return oneAtATime('launch-redirect', async () => {
    await browser.declarativeNetRequest.updateDynamicRules({
      removeRuleIds: [LAUNCH_REDIRECT_RULE_ID],
      ...(rule && { addRules: [rule] }),
    });
  });
}
