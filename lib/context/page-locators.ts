/**
 * Where a context rule finds values on a page: a URL capture group, the shown elements a selector
 * picks (text or attribute), or labelled NHS numbers in the visible text. Reading only.
 */
import { isShown, type Visibility } from './element-visibility';
import { NHS_NUMBER_IN_TEXT } from './nhs-number';
import type { IdentifierLocator } from './rules';
import { visibleText, type TextBudget } from './visible-text';

/** "NHS No. 943 476 5919", "NHS Number: 9434765919", "NHS no 943-476-5919". */
const NHS_LABELLED = /NHS\s*(?:No\.?|Number)\s*[:.]?\s*(\d{3}[\s-]?\d{3}[\s-]?\d{4})(?!\d)/gi;
/** More elements than this under one selector is not a patient banner. */
const MAX_ELEMENTS = 50;

export type Found = { readonly values: readonly string[] } | 'too-large';

/** The shown, non-empty values of the elements a selector picks, once each. */
export function readElements(doc: Document, selector: string, attribute: string | undefined, visibility: Visibility = 'rendered'): string[] {
  let elements: Element[];
  try {
    elements = [...doc.querySelectorAll(selector)].slice(0, MAX_ELEMENTS);
  } catch {
    return []; // An invalid selector in configuration finds nothing, rather than breaking the page.
  }
  const values = elements.filter((e) => isShown(e, visibility)).map((e) => (attribute ? e.getAttribute(attribute) : e.textContent)?.replace(/\s+/g, ' ').trim() ?? '');
  return [...new Set(values.filter(Boolean))];
}

/** The values a locator finds, or 'too-large' when the visible text could not be read within its budget. */
export function readLocator(doc: Document, url: string, locator: IdentifierLocator, budget: TextBudget, visibility: Visibility = 'rendered'): Found {
  switch (locator.from) {
    case 'url': {
      try {
        const value = new RegExp(locator.pattern).exec(url)?.[1];
        return { values: value ? [value] : [] };
      } catch {
        return { values: [] };
      }
    }
    case 'selector':
      return { values: readElements(doc, locator.selector, locator.attribute, visibility) };
    case 'text': {
      if (!doc.body) return { values: [] };
      const { text, complete } = visibleText(doc.body, budget, visibility);
      return complete ? { values: [...text.matchAll(NHS_LABELLED)].map((m) => m[1]!) } : 'too-large';
    }
  }
}

/** The NHS number in a cell that may hold a label too ("NHS No. 999 000 0018"). */
export function numberPart(raw: string): string {
  const labelled = [...raw.matchAll(NHS_LABELLED)];
  if (labelled.length === 1) return labelled[0]![1]!;
  const numbers = [...raw.matchAll(NHS_NUMBER_IN_TEXT)];
  return numbers.length === 1 ? numbers[0]![0] : raw;
}
