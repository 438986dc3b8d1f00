/**
 * The sites a context rule names, as browser match patterns (`https://epr.trust.nhs.uk/*`): the
 * content script is registered for these and host access is asked for them. They are read off the
 * start of the rule's URL pattern when it names its hosts literally; a pattern that does not
 * (`^https?://`, the generic finder) names no site, and applies only where access was granted.
 */
import type { ContextRule } from './rules';

const SCHEMES: Readonly<Record<string, string>> = { 'https?': '*', '(https?)': '*', '(?:https?)': '*', '(http|https)': '*', '(?:http|https)': '*', http: 'http', https: 'https' };
const HOST_LITERAL = /^(?:[A-Za-z0-9-]|\\\.)+/;
const PORT = /^(?::\d+|:\\d\+|:\[0-9\]\+|\(\?::\\d\+\)\?|\(:\\d\+\)\?)/;
/** What may follow the host: the path, a port, the end, or a group that starts with one of those. */
const AFTER_HOST = /^(?:$|\/|\\\/|\$|\(\?:(?:\/|\\\/|\[\/|\[\\\/|\$)|\((?:\/|\\\/|\[\/|\[\\\/|\$)|\[\/|\[\\\/)/;

const unescapeHost = (host: string) => host.replace(/\\\./g, '.').toLowerCase();

/** Literal hosts at the start of `rest`: one host, or a group of literal alternatives. */
function hostsAt(rest: string): { hosts: string[]; after: string } | undefined {
  const single = HOST_LITERAL.exec(rest);
  if (single) return { hosts: [unescapeHost(single[0])], after: rest.slice(single[0].length) };
  const group = /^\((?:\?:)?((?:(?:[A-Za-z0-9-]|\\\.)+\|)*(?:[A-Za-z0-9-]|\\\.)+)\)/.exec(rest);
  if (!group?.[1]) return undefined;
  return { hosts: group[1].split('|').map(unescapeHost), after: rest.slice(group[0].length) };
}

/**
 * Match patterns for the hosts a URL pattern names literally, or [] when it names none.
 * @param urlPattern - a rule's regular expression, e.g. `^https://epr\.trust\.nhs\.uk/`
 */
export function sitesOfPattern(urlPattern: string): string[] {
  const start = /^\^(\(\?:https?\)|\(https\?\)|\(\?:http\|https\)|\(http\|https\)|https\?|https|http)(?::\/\/|:\\\/\\\/)/.exec(urlPattern);
  const scheme = start?.[1] === undefined ? undefined : SCHEMES[start[1]];
  if (!start || !scheme) return [];
  const found = hostsAt(urlPattern.slice(start[0].length));
  if (!found || found.hosts.some((h) => !/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(h))) return [];
  const after = found.after.replace(PORT, '');
  if (!AFTER_HOST.test(after)) return [];
  // Match patterns carry no port: access is per host, the rule's own pattern still checks the port.
  return found.hosts.map((host) => `${scheme}://${host}/*`);
}

/** Every site the rules name, once each. */
export function sitesOfRules(rules: readonly ContextRule[]): string[] {
  return [...new Set(rules.flatMap((rule) => sitesOfPattern(rule.urlPattern)))];
}

/** The match pattern for one page's origin (`https://host/*`), for asking access to it; undefined for non-web pages. */
export function siteOfUrl(url: string): string | undefined {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? `${protocol}//${hostname}/*` : undefined;
  } catch {
    return undefined;
  }
}

/** The site a rule names that covers `url` (as the rule names it), or undefined: the site to ask access for. */
export function namedSiteFor(rules: readonly ContextRule[], url: string): string | undefined {
  const page = siteOfUrl(url);
  if (!page) return undefined;
  const [scheme, rest] = page.split('://') as [string, string];
  return sitesOfRules(rules).find((site) => {
    const [s, r] = site.split('://') as [string, string];
    return r === rest && (s === '*' || s === scheme);
  });
}
