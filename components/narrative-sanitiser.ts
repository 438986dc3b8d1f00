/**
 * What of a server's XHTML narrative the panel draws. A narrative comes from another organisation's
 * system, so it is treated as hostile: an image or media element is a tracker that learns who
 * viewed which patient and when; a link can phish from inside the trusted panel; a class, id, style
 * or data attribute can borrow fhirside's own alert styling or its `data-patient` test hooks.
 *
 * FHIR R4 Narrative (https://hl7.org/fhir/R4/narrative.html#xhtml) limits `div` to basic HTML
 * formatting, tables, lists and links, with no scripts, forms, frames, objects or stylesheets.
 * Of that, fhirside keeps an explicit allowlist: text, emphasis, tables and lists. Images, which
 * FHIR allows, are left out (their words stay); a link is drawn as its text and its host, and is
 * never followed.
 */
import DOMPurify from 'dompurify';

/** Text, emphasis, headings, lists and tables: nothing that loads, runs, submits or styles. */
export const NARRATIVE_TAGS = [
  'div', 'span', 'p', 'br', 'hr', 'pre', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'b', 'strong', 'i', 'em', 'u', 's', 'sub', 'sup', 'small', 'big', 'tt', 'code', 'q', 'cite', 'abbr', 'acronym', 'dfn', 'kbd', 'samp', 'var',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  // Kept only so that its text and host can be shown; rewritten below, never drawn as a link.
  'a',
] as const;

/** Table structure and language; `href` only to name a link's host. No class, id, style or data-*. */
export const NARRATIVE_ATTRIBUTES = ['colspan', 'rowspan', 'scope', 'headers', 'span', 'lang', 'dir', 'href'] as const;

const CONFIG = {
  ALLOWED_TAGS: [...NARRATIVE_TAGS],
  ALLOWED_ATTR: [...NARRATIVE_ATTRIBUTES],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
};

/** `(link to host)` for a web link, or nothing for any other kind (mailto:, tel:, a fragment). */
function linkHost(href: string | null): string {
  try {
    const url = new URL(href ?? '');
    return url.protocol === 'https:' || url.protocol === 'http:' ? ` (link to ${url.host})` : '';
  } catch {
    return '';
  }
}

const DRAWN_TAGS = new Set<string>(NARRATIVE_TAGS.filter((tag) => tag !== 'a'));
const DRAWN_ATTRIBUTES = new Set<string>(NARRATIVE_ATTRIBUTES.filter((name) => name !== 'href'));

/** True when every element and attribute is one the allowlist draws (the link spans are fhirside's own). */
function onlyAllowed(root: DocumentFragment): boolean {
  return [...root.querySelectorAll('*')].every((element) => {
    const ours = element.tagName === 'SPAN' && element.className === 'narrative-link';
    return DRAWN_TAGS.has(element.tagName.toLowerCase()) && [...element.attributes].every((a) => DRAWN_ATTRIBUTES.has(a.name) || (ours && a.name === 'class'));
  });
}

/**
 * The narrative as safe markup: DOMPurify with the allowlist, then every link turned into its words
 * and its host, in a span the panel styles as plain text. Undefined when the result still holds
 * anything outside the allowlist (a sanitiser fooled by a broken DOM): draw the words only.
 * @param html - `text.div` as the server sent it
 */
export function sanitiseNarrative(html: string): string | undefined {
  const template = document.createElement('template');
  template.innerHTML = DOMPurify.sanitize(html, CONFIG);
  for (const link of [...template.content.querySelectorAll('a')]) {
    const text = document.createElement('span');
    text.className = 'narrative-link';
    text.append(...link.childNodes, linkHost(link.getAttribute('href')));
    link.replaceWith(text);
  }
  return onlyAllowed(template.content) ? template.innerHTML : undefined;
}
