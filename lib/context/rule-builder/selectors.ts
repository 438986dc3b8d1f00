/**
 * CSS selectors for one element, most robust first: an id or a stable attribute of its own, then
 * its class inside a container that has an id or stable attribute (a labelled section), then its
 * class alone, and last a path of positions. Only selectors that pick exactly that element among
 * the shown ones are offered. A value that changes per patient (digits, the number itself) never
 * goes into a selector: it would match only the patient it was taught on.
 */
import { isShown } from '../element-visibility';

export type Robustness = 'stable-attribute' | 'labelled-container' | 'class' | 'positional';

export interface SelectorChoice {
  readonly selector: string;
  readonly robustness: Robustness;
}

/** Attributes a page sets for its own structure; `id` and `class` are handled on their own. */
const STRUCTURAL = /^(data-[\w-]+|name|itemprop|role|aria-label|aria-labelledby|headers|for)$/;

/** Ids and values generated per render or per patient (`p01`, `row-12`, hex hashes) are not stable. */
const stableToken = (value: string) => value.length > 0 && value.length <= 60 && !/\d{2}|[0-9a-f]{8}/i.test(value) && !/\s{2}/.test(value);

const css = (value: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/[^\w-]/g, (c) => `\\${c}`));
const attr = (name: string, value: string) => `[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;

/** The element's own stable hooks: `#id` and `[data-x="y"]`, each on its own. */
function ownHooks(element: Element): string[] {
  const hooks: string[] = [];
  if (stableToken(element.id)) hooks.push(`#${css(element.id)}`);
  for (const { name, value } of [...element.attributes]) {
    if (STRUCTURAL.test(name) && stableToken(value)) hooks.push(`${element.tagName.toLowerCase()}${attr(name, value)}`);
  }
  return hooks;
}

const classes = (element: Element) => [...element.classList].filter(stableToken).map((c) => `.${css(c)}`);

/** The element's tag with each stable class, then with all of them. */
function classForms(element: Element): string[] {
  const tag = element.tagName.toLowerCase();
  const list = classes(element);
  return [...list.map((c) => `${tag}${c}`), ...(list.length > 1 ? [`${tag}${list.join('')}`] : [])];
}

function positionalPath(element: Element): string {
  const steps: string[] = [];
  for (let e: Element | null = element; e && e.tagName.toLowerCase() !== 'html'; e = e.parentElement) {
    const hook = ownHooks(e)[0];
    if (hook && e !== element) {
      steps.unshift(hook);
      break;
    }
    const tag = e.tagName.toLowerCase();
    const sameTag = e.parentElement ? [...e.parentElement.children].filter((s) => s.tagName === e!.tagName) : [e];
    steps.unshift(sameTag.length > 1 ? `${tag}:nth-of-type(${sameTag.indexOf(e) + 1})` : tag);
    if (tag === 'body') break;
  }
  return steps.join(' > ');
}

/** True when the selector picks `element` and no other shown element. */
function picksOnly(doc: Document, selector: string, element: Element): boolean {
  try {
    const shown = [...doc.querySelectorAll(selector)].filter((e) => isShown(e));
    return shown.length === 1 && shown[0] === element;
  } catch {
    return false;
  }
}

/** @returns selectors that pick only `element`, most robust first (at least the positional one) */
export function selectorsFor(element: Element): SelectorChoice[] {
  const doc = element.ownerDocument;
  const tried: SelectorChoice[] = [];
  const offer = (selector: string, robustness: Robustness) => void tried.push({ selector, robustness });
  for (const hook of ownHooks(element)) offer(hook, 'stable-attribute');
  for (let container = element.parentElement; container && container !== doc.documentElement; container = container.parentElement) {
    for (const hook of ownHooks(container)) for (const form of classForms(element)) offer(`${hook} ${form}`, 'labelled-container');
  }
  for (const form of classForms(element)) offer(form, 'class');
  offer(positionalPath(element), 'positional');
  const seen = new Set<string>();
  return tried.filter(({ selector }) => !seen.has(selector) && (seen.add(selector), picksOnly(doc, selector, element)));
}
