/**
 * Whether the clinician can see an element. A page may keep the previous patient's banner in the
 * DOM, hidden, while it shows the next one: only what is on screen may name the patient.
 */

const NEVER_SHOWN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK']);

/**
 * How visibility is decided. `rendered`: by computed style, which is exact but makes the browser
 * bring the page's style (and layout tree) up to date at once if the page just changed. `markup`:
 * by the markup alone (`hidden`, templates, scripts), which reads nothing the browser must compute;
 * CSS-hidden elements count as shown, so it is only ever a preview of the exact answer.
 */
export type Visibility = 'rendered' | 'markup';

/** True when the element's own tag never renders text (script, style, template...). */
export function neverShown(element: Element): boolean {
  return NEVER_SHOWN.has(element.tagName.toUpperCase());
}

/** True when the element is rendered and not `visibility: hidden`, itself or through an ancestor. */
export function isShown(element: Element, visibility: Visibility = 'rendered'): boolean {
  if (element.closest('[hidden], template, script, style, noscript')) return false;
  if (visibility === 'markup') return true;
  if (typeof element.checkVisibility === 'function') return element.checkVisibility({ visibilityProperty: true });
  // Without checkVisibility (older engines): walk up the computed styles.
  const view = element.ownerDocument.defaultView;
  for (let e: Element | null = element; e; e = e.parentElement) {
    const style = view?.getComputedStyle(e);
    if (style?.display === 'none' || style?.visibility === 'hidden') return false;
  }
  return true;
}
