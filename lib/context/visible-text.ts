/**
 * The text a clinician can see on a page, read within a budget. A page can be huge or hostile, so
 * the walk stops at a node count, a character count and a deadline, and says when it did: a
 * partial read cannot prove that the page names only one patient.
 */
import { neverShown, type Visibility } from './element-visibility';

export interface TextBudget {
  /** Elements and text nodes visited, hidden ones included. */
  readonly maxNodes: number;
  readonly maxChars: number;
  /** Milliseconds the walk may take. */
  readonly maxMs: number;
  readonly now: () => number;
}

export const DEFAULT_TEXT_BUDGET: TextBudget = { maxNodes: 50_000, maxChars: 500_000, maxMs: 15, now: () => performance.now() };

const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;

class OverBudget extends Error {}

/**
 * Visible text under `root`, whitespace collapsed; `complete` is false when the budget ran out.
 * @param visibility - `markup` reads no computed style (see element-visibility.ts)
 */
export function visibleText(root: Element, budget: TextBudget = DEFAULT_TEXT_BUDGET, visibility: Visibility = 'rendered'): { text: string; complete: boolean } {
  const doc = root.ownerDocument;
  const view = visibility === 'rendered' ? doc.defaultView : null;
  const started = budget.now();
  let visited = 0;
  let chars = 0;
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* elements and text */, {
    acceptNode(node: Node) {
      visited += 1;
      if (visited > budget.maxNodes || ((visited & 127) === 0 && budget.now() - started > budget.maxMs)) throw new OverBudget();
      if (node.nodeType === 3) {
        // visibility is inherited, so the parent's computed value is the text's own.
        const parent = node.parentElement;
        return parent && view?.getComputedStyle(parent).visibility === 'hidden' ? FILTER_REJECT : FILTER_ACCEPT;
      }
      const element = node as Element;
      // display: none hides the whole subtree (reject); anything else is looked into (skip).
      if (neverShown(element) || element.hasAttribute('hidden') || view?.getComputedStyle(element).display === 'none') return FILTER_REJECT;
      return FILTER_SKIP;
    },
  });
  const parts: string[] = [];
  try {
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue ?? '';
      chars += text.length;
      if (chars > budget.maxChars) return { text: '', complete: false };
      parts.push(text);
    }
  } catch (error) {
    if (error instanceof OverBudget) return { text: '', complete: false };
    throw error;
  }
  return { text: parts.join(' ').replace(/\s+/g, ' '), complete: true };
}
