/**
 * The background's answers to context messages. Who may say what is checked here: a page's
 * content script speaks only for its own tab and frame, and only on a configured site; an EHR launch only from fhirside's own
 * launch page. Every claim is validated again before it reaches the tab's context.
 */
import { hopMark } from './hop-mark';
import { browser } from 'wxt/browser';
import type { FhircastConfig } from '../config/effective-config';
import { hubUrlAllowed } from '../context/fhircast-trust';
import { checkNhsNumber } from '../context/nhs-number';
import { ruleForUrl, type ContextRule } from '../context/rules';
import type { TabContexts } from '../context/tab-context-service';
import { validateContext } from '../context/validate-context';
import { validateReport } from '../context/validate-report';
import type { MessageHandlers, Sender } from '../messaging';

export interface ContextHandlerDeps {
  readonly tabs: TabContexts;
  /** The current rules; waits for the configuration when the worker has just started. */
  readonly rules: () => Promise<readonly ContextRule[]>;
  /** The selected NHS number of a tab changed (null: none). */
  readonly onSelection: (tabId: number, nhsNumber: string | null) => Promise<void>;
  /** An EHR launch's token response named a FHIRcast session. */
  readonly onLaunchHub: (hub: FhircastConfig) => Promise<void>;
}

const extensionPage = (sender: Sender) => sender.url?.startsWith(browser.runtime.getURL('/')) === true;
/** A content script: in a tab, in a web page (not one of fhirside's pages). */
const contentScript = (sender: Sender): sender is Sender & { tabId: number } => sender.tabId !== undefined && !extensionPage(sender);

/** @param deps - the tab context store, the current rules and the selection and hub callbacks */
export function contextHandlers(deps: ContextHandlerDeps): MessageHandlers {
  return {
    'page-context': async ({ report }, sender) => {
      hopMark('page-report-received');
      if (!contentScript(sender)) return;
      // Only a configured EPR site names a patient, and it is the reporting frame's own URL that must
      // be one: a third-party frame inside the EPR (an advert, a widget) speaks for no one, whatever
      // page holds it; so does a page the rules do not name (a site whose rule was withdrawn).
      const rules = await deps.rules();
      const configured = sender.url !== undefined && ruleForUrl(rules, sender.url) !== undefined;
      // The frame's URL as the browser knows it, never as the page claims.
      const checked = configured ? validateReport(report, sender.url) : validateReport(undefined, sender.url);
      await deps.tabs.pageReport(sender.tabId, sender.frameId ?? 0, sender.tabUrl ?? sender.url ?? '', checked);
    },
    'context-rules': async (_body, sender) => ({ rules: contentScript(sender) ? await deps.rules() : [] }),
    selection: async ({ nhsNumber }, sender) => {
      if (!contentScript(sender)) return;
      const check = typeof nhsNumber === 'string' ? checkNhsNumber(nhsNumber) : undefined;
      await deps.onSelection(sender.tabId, check?.valid ? check.value : null);
    },
    'ehr-launch': async ({ tabId, context, hub }, sender) => {
      if (!extensionPage(sender)) return { ok: false, problem: 'only fhirside\'s launch page may do this' };
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (!tab?.url) return { ok: false, problem: 'the EPR tab that launched fhirside has closed' };
      const checked = validateContext(context, 'ehr-launch', tab.url);
      if (!checked) return { ok: false, problem: 'the launch named no patient fhirside can look up' };
      await deps.tabs.launch(tabId, tab.url, checked);
      if (hub && typeof hub.hubUrl === 'string' && typeof hub.topic === 'string' && hubUrlAllowed(hub.hubUrl)) {
        // A launch's hub is held to the https rule of every configured hub: the token response is
        // the authorization server's word, but an http hub would be readable and forgeable on the way.
        await deps.onLaunchHub({ hubUrl: hub.hubUrl, topic: hub.topic, ...(typeof hub.sourceId === 'string' && { sourceId: hub.sourceId }) });
      }
      return { ok: true };
    },
  };
}
