/**
 * The rule builder inside one frame: finds and marks the candidates, proposes rules for the one
 * the analyst chose, and reads the page by a rule under test. Everything it reads comes from the
 * frame it runs in; the options page puts the frames together.
 */
import { NHS_NUMBER_IN_TEXT } from '../nhs-number';
import { isShown } from '../element-visibility';
import { scanPage } from '../page-scan';
import type { ContextRule } from '../rules';
import { visibleText } from '../visible-text';
import { findCandidates, type Candidate } from './candidates';
import type { Highlighter } from './highlights';
import { sectionOf } from './labels';
import type { BuilderHandlers, CandidateView, ProductName } from './messages';
import { proposeRules } from './propose';

const content = (doc: Document, name: string) => doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim().slice(0, 80) || undefined;

/** The product as the page names itself; the version is the first version-like word of `generator`. */
export function productOf(doc: Document): ProductName {
  const name = content(doc, 'application-name');
  const version = /\d+(?:\.\d+)+|\d+/.exec(content(doc, 'generator') ?? '')?.[0];
  return { ...(name && { name }), ...(version && { version }) };
}

/** The valid-looking NHS numbers the frame's visible text shows, as ten digits; undefined when too large to read. */
export function visibleNumbers(doc: Document): string[] | undefined {
  if (!doc.body) return [];
  const { text, complete } = visibleText(doc.body);
  return complete ? [...text.matchAll(NHS_NUMBER_IN_TEXT)].map((m) => m[0].replace(/\D/g, '')) : undefined;
}

/** Values a selector rule would read from elements the clinician cannot see (hidden by markup or style). */
export function hiddenValues(doc: Document, rule: ContextRule): string[] {
  const { identifier } = rule;
  if (identifier.from !== 'selector') return [];
  let elements: Element[];
  try {
    elements = [...doc.querySelectorAll(identifier.selector)].slice(0, 50);
  } catch {
    return [];
  }
  const values = elements.filter((e) => !isShown(e)).map((e) => ((identifier.attribute ? e.getAttribute(identifier.attribute) : e.textContent) ?? '').replace(/\s+/g, ' ').trim());
  return [...new Set(values.filter(Boolean))];
}

/**
 * @param url - the frame's current URL (read on each request: a single-page app changes it)
 */
export function frameAgent(doc: Document, url: () => string, highlighter: Highlighter): BuilderHandlers {
  let candidates: Candidate[] = [];
  return {
    'builder-find': ({ firstBadge }) => {
      candidates = findCandidates(doc, url());
      const views: CandidateView[] = candidates.map(({ element, ...c }, index) => ({
        ...c,
        index,
        badge: firstBadge + index,
        ...(element && sectionOf(element) && { section: sectionOf(element) }),
      }));
      highlighter.draw(candidates.flatMap((c, i) => (c.element ? [{ element: c.element, badge: firstBadge + i, kind: c.kind }] : [])));
      return { frameUrl: url(), title: doc.title.slice(0, 120), product: productOf(doc), candidates: views };
    },
    'builder-propose': ({ candidate, birthDate }) => {
      const chosen = candidates[candidate];
      if (chosen?.kind !== 'nhs-number') return [];
      const date = birthDate === undefined ? undefined : candidates[birthDate];
      return proposeRules(doc, url(), chosen, date?.kind === 'birth-date' ? date : undefined);
    },
    'builder-read': ({ rule, frameId }) => ({
      frameId,
      frameUrl: url(),
      report: scanPage(doc, url(), [rule]),
      visibleNumbers: visibleNumbers(doc),
      hidden: hiddenValues(doc, rule),
    }),
    'builder-stop': () => highlighter.clear(),
  };
}
