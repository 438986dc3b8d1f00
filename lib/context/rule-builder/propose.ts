/**
 * From the number the analyst chose to context rules in the existing format (lib/context/rules.ts),
 * most robust first: a capture from the URL where the URL carries the number, then the chosen
 * element by a stable attribute, by its class inside a labelled container, by its class, and last
 * by position. Each proposal is checked against the frame it was taught on: it must read the
 * chosen number and nothing else, or it is not offered.
 */
import { checkRule } from '../../config/check-item';
import { scanPage } from '../page-scan';
import type { ContextRule } from '../rules';
import type { Candidate } from './candidates';
import { selectorsFor, type Robustness } from './selectors';

export interface Proposal {
  readonly rule: ContextRule;
  readonly robustness: Robustness | 'url';
  /** Why this one, in the analyst's words. */
  readonly why: string;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const WHY: Record<Proposal['robustness'], string> = {
  url: 'The address carries the NHS number: nothing on the page can change what it reads.',
  'stable-attribute': 'The element has an id or attribute of its own that does not change between patients.',
  'labelled-container': 'The element is picked by its class inside a section the page names, so other people\'s numbers elsewhere are not read.',
  class: 'The element is picked by its class alone: a page that shows another number with that class will stop it, never mislead it.',
  positional: 'Nothing names the element, so it is picked by its position: a change to the page layout will stop this rule.',
};

/** The site part of a rule: the frame's origin, anchored, so the rule applies to that site only. */
export function sitePattern(url: string): string {
  return `^${escapeRegex(new URL(url).origin)}/`;
}

/** A URL pattern whose capture group is the number where it sits in `url` (after its path segment or parameter name). */
export function urlCapture(url: string, written: string): string | undefined {
  const at = url.indexOf(written);
  if (at < 0 || !/^\d{10}$/.test(written)) return undefined;
  const before = url.slice(0, at);
  const cut = Math.max(before.lastIndexOf('/', before.length - 2), before.lastIndexOf('?'), before.lastIndexOf('&'));
  return `${escapeRegex(before.slice(Math.max(cut, 0)))}(\\d{10})(?!\\d)`;
}

/** A rule id from the site: lower case, digits and dashes, as the options page's ids are. */
export function ruleIdFor(url: string): string {
  return `taught-${new URL(url).host.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`.slice(0, 80);
}

function birthDateLocator(date: Candidate | undefined): ContextRule['birthDate'] {
  if (!date?.element || date.origin.from !== 'element') return undefined;
  const selector = selectorsFor(date.element)[0]?.selector;
  return selector ? { selector, ...(date.origin.attribute && { attribute: date.origin.attribute }) } : undefined;
}

/**
 * @param chosen - the NHS number the analyst picked
 * @param frameUrl - the URL of the frame it is in
 * @param birthDate - the date of birth the analyst picked on the same frame, if any
 */
export function proposeRules(doc: Document, frameUrl: string, chosen: Candidate, birthDate?: Candidate): Proposal[] {
  const base = { id: ruleIdFor(frameUrl), urlPattern: sitePattern(frameUrl), ...(birthDateLocator(birthDate) && { birthDate: birthDateLocator(birthDate) }) };
  const proposals: Proposal[] = [];
  const capture = chosen.origin.from === 'url' || frameUrl.includes(chosen.value) ? urlCapture(frameUrl, chosen.value) : undefined;
  if (capture) proposals.push({ rule: { ...base, identifier: { from: 'url', pattern: capture } }, robustness: 'url', why: WHY.url });
  if (chosen.element && chosen.origin.from === 'element') {
    const attribute = chosen.origin.attribute;
    for (const { selector, robustness } of selectorsFor(chosen.element)) {
      proposals.push({ rule: { ...base, identifier: { from: 'selector', selector, ...(attribute && { attribute }) } }, robustness, why: WHY[robustness] });
    }
  }
  // Offered only if valid as configuration and it reads the chosen number, and only it, here.
  return proposals.filter(({ rule }) => {
    if (!checkRule(rule).ok) return false;
    const report = scanPage(doc, frameUrl, [rule]);
    return report.kind === 'patient' && report.context.identifier.value === chosen.value;
  });
}
