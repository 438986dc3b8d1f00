/**
 * The launch URL: one https address (policy `launchUrl`) that an EPR opens to launch fhirside in
 * any browser. Firefox gives each profile its own random moz-extension:// host, so an EPR cannot
 * know fhirside's launch page; the browser redirects the launch URL to it instead, with a
 * declarativeNetRequest rule built here. The rule acts only on a top-level navigation started by
 * a page on an EPR host (the hosts the context rules name, and `launchOrigins`) and keeps the
 * query, so `iss` and `launch` reach the page. Hosts are as fine as declarativeNetRequest goes (no
 * port, and sub-domains match); the launch page checks the opening tab's full origin itself
 * (launch-origin.ts), so the rule only decides what may reach that check.
 */
import type { ContextRule } from './rules';
import { sitesOfRules } from './rule-sites';

/** The one rule fhirside keeps among the browser's dynamic rules. */
export const LAUNCH_REDIRECT_RULE_ID = 1;

/** The slice of declarativeNetRequest's Rule this builds (the same in Chrome and Firefox). */
export interface LaunchRedirectRule {
  readonly id: number;
  readonly priority: number;
  readonly action: { readonly type: 'redirect'; readonly redirect: { readonly regexSubstitution: string } };
  readonly condition: {
    readonly regexFilter: string;
    readonly requestDomains: string[];
    readonly initiatorDomains: string[];
    readonly resourceTypes: ['main_frame'];
  };
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const hostOf = (url: string) => new URL(url).hostname.toLowerCase();

/**
 * The hosts whose pages may start a launch: each host a context rule names, and each `launchOrigins` origin's.
 * @param launchOrigins - policy `launchOrigins`, as origins
 */
export function launchInitiatorHosts(rules: readonly ContextRule[], launchOrigins: readonly string[]): string[] {
  const ruleHosts = sitesOfRules(rules).map((site) => site.replace(/^[^:]+:\/\//, '').replace(/\/\*$/, ''));
  return [...new Set([...ruleHosts, ...launchOrigins.map(hostOf)])];
}

/**
 * The redirect from the launch URL to fhirside's launch page, or undefined when there is no launch
 * URL or no page that may use it.
 * @param launchUrl - policy `launchUrl` (https, no query)
 * @param initiatorHosts - hosts whose pages may navigate to it (launchInitiatorHosts)
 * @param launchPage - the launch page's own URL in this browser (`runtime.getURL('/launch.html')`)
 */
export function launchRedirectRule(launchUrl: string | undefined, initiatorHosts: readonly string[], launchPage: string): LaunchRedirectRule | undefined {
  if (launchUrl === undefined || initiatorHosts.length === 0) return undefined;
  const url = new URL(launchUrl);
  return {
    id: LAUNCH_REDIRECT_RULE_ID,
    priority: 1,
    // The query is carried over whole: the launch page reads `iss` and `launch` and nothing else.
    action: { type: 'redirect', redirect: { regexSubstitution: `${launchPage}\\1` } },
    condition: {
      regexFilter: `^${escapeRegex(url.origin + url.pathname)}(\\?.*)?$`,
      requestDomains: [url.hostname],
      initiatorDomains: [...initiatorHosts],
      // A frame is never redirected: the launch page refuses to run framed anyway.
      resourceTypes: ['main_frame'],
    },
  };
}
