/**
 * Who may launch fhirside. The SMART EHR launch page is reachable from web pages (an EPR opens it),
 * so the page itself checks the tab that opened it: that tab must show a site a context rule names
 * (and the rule must match it), or an origin policy lists in `launchOrigins`. A rule that names no
 * site (`^https?://`, the generic finder) reads pages; it never lets a page launch.
 */
import { namedSiteFor } from './rule-sites';
import { ruleForUrl, type ContextRule } from './rules';

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/**
 * True when a page at `url` may open fhirside's EHR launch.
 * @param launchOrigins - policy `launchOrigins`: origins allowed besides the rule-named sites
 */
export function mayLaunch(rules: readonly ContextRule[], launchOrigins: readonly string[], url: string): boolean {
  const origin = originOf(url);
  if (origin === undefined || origin === 'null') return false;
  if (launchOrigins.includes(origin)) return true;
  const named = rules.filter((rule) => namedSiteFor([rule], url) !== undefined);
  return ruleForUrl(named, url) !== undefined;
}
