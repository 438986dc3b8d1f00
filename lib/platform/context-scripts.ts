/**
 * The context content script is registered at run time, for the sites the context rules name and
 * fhirside has access to: never for every granted origin, since access may be wider than the EPR
 * (FHIR servers, a site granted for another reason) and a script there would read pages no rule is
 * about. Tabs already open on those sites get it too, so nothing waits for a reload.
 */
import { browser } from 'wxt/browser';
import type { ContextRule } from '../context/rules';
import { sitesOfRules } from '../context/rule-sites';
import { message } from '../messaging';
import { keyedQueue } from '../context/keyed-queue';

const SCRIPT_ID = 'fhirside-context';
/** WXT's output path for entrypoints/epr.content.ts. */
const SCRIPT_FILE = 'content-scripts/epr.js';

/** Injects the script into open tabs on `sites` that do not already run it. */
async function injectIntoOpenTabs(sites: string[]): Promise<void> {
  const tabs = await browser.tabs.query({ url: sites });
  await Promise.all(tabs.map(async ({ id }) => {
    if (id === undefined) return;
    const alive = await browser.tabs.sendMessage(id, message('context-ping', {}), { frameId: 0 }).catch(() => undefined);
    // Every frame, as the registration does: an EPR that shows its patient in a frame is read there.
    if (!alive) await browser.scripting.executeScript({ target: { tabId: id, allFrames: true }, files: [`/${SCRIPT_FILE}` as const] }).catch(() => undefined);
  }));
}

// Configuration and permission changes can arrive together: registrations must not overlap,
// or both would find no script registered and the second registration would fail.
const oneAtATime = keyedQueue();

/**
 * Registers the context script for every site a rule names that fhirside has access to.
 * @returns the match patterns it now runs on
 */
export function syncContextScripts(rules: readonly ContextRule[]): Promise<string[]> {
  return oneAtATime('register', () => register(rules));
}

async function register(rules: readonly ContextRule[]): Promise<string[]> {
  const wanted = sitesOfRules(rules);
  const allowed = (await Promise.all(wanted.map(async (site) => ((await browser.permissions.contains({ origins: [site] })) ? site : undefined))))
    .filter((site) => site !== undefined);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (allowed.length === 0) {
    if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return [];
  }
  const script = { id: SCRIPT_ID, js: [SCRIPT_FILE], matches: allowed, allFrames: true, runAt: 'document_idle' as const, persistAcrossSessions: true };
  if (registered.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  await injectIntoOpenTabs(allowed);
  return allowed;
}

/** Calls back when the clinician grants or withdraws access to a site (a named site may now be readable). */
export function onSiteAccessChanged(callback: () => void): void {
  browser.permissions.onAdded.addListener(callback);
  browser.permissions.onRemoved.addListener(callback);
}
