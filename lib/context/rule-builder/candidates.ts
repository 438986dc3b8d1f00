/**
 * What the rule builder offers the analyst on one frame: every valid NHS number and every date
 * the frame shows, and where each comes from (the URL, an element's text, an attribute), with the
 * label a person would read it by. Reading only; hidden elements are left out, as the context
 * script leaves them out.
 */
import { isShown } from '../element-visibility';
import { checkNhsNumber, NHS_NUMBER_IN_TEXT } from '../nhs-number';
import { parsePageDate } from '../page-date';
import { numberPart } from '../page-locators';
import { labelOf } from './labels';

export type CandidateKind = 'nhs-number' | 'birth-date';

/** Where a candidate was read: the frame's URL, or an element's text or attribute. */
export type CandidateOrigin =
  | { readonly from: 'url' }
  | { readonly from: 'element'; readonly attribute?: string; readonly label?: string; readonly tag: string };

export interface Candidate {
  readonly kind: CandidateKind;
  /** Ten digits for an NHS number, an ISO date for a date. */
  readonly value: string;
  /** As the page writes it. */
  readonly written: string;
  readonly origin: CandidateOrigin;
  /** The element it was read from (never for the URL). */
  readonly element?: Element;
}

/** More candidates than this on one frame is a list page, not a record: the rest are not offered. */
const MAX_CANDIDATES = 60;

const validNhs = (written: string) => {
  const check = checkNhsNumber(written);
  return check.valid ? check.value : undefined;
};

function fromUrl(url: string): Candidate[] {
  return [...url.matchAll(NHS_NUMBER_IN_TEXT)].flatMap((m) => {
    const value = validNhs(m[0]);
    return value ? [{ kind: 'nhs-number' as const, value, written: m[0], origin: { from: 'url' as const } }] : [];
  });
}

function fromElement(element: Element): Candidate[] {
  const found: Candidate[] = [];
  const tag = element.tagName.toLowerCase();
  const label = labelOf(element);
  for (const { name, value: raw } of [...element.attributes]) {
    const value = validNhs(raw.trim());
    if (value) found.push({ kind: 'nhs-number', value, written: raw.trim(), origin: { from: 'element', attribute: name, tag, ...(label && { label }) }, element });
    const date = /\d{4}|\d{1,2}[-/ ]/.test(raw) ? parsePageDate(raw) : undefined;
    if (date) found.push({ kind: 'birth-date', value: date, written: raw.trim(), origin: { from: 'element', attribute: name, tag, ...(label && { label }) }, element });
  }
  // Text: only an element whose own text holds the number, read the way a selector rule reads it.
  const ownText = [...element.childNodes].filter((n) => n.nodeType === 3).map((n) => n.nodeValue ?? '').join(' ');
  if (/\d/.test(ownText)) {
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    const value = [...ownText.matchAll(NHS_NUMBER_IN_TEXT)].length > 0 ? validNhs(numberPart(text)) : undefined;
    if (value) found.push({ kind: 'nhs-number', value, written: numberPart(text), origin: { from: 'element', tag, ...(label && { label }) }, element });
    const date = parsePageDate(text);
    if (date) found.push({ kind: 'birth-date', value: date, written: text, origin: { from: 'element', tag, ...(label && { label }) }, element });
  }
  return found;
}

/**
 * Every NHS number and date a frame shows, URL first, then in document order.
 * @param url - the frame's own URL
 */
export function findCandidates(doc: Document, url: string): Candidate[] {
  const found = fromUrl(url);
  const elements = doc.body ? [...doc.body.querySelectorAll('*')] : [];
  for (const element of elements) {
    if (found.length >= MAX_CANDIDATES) break;
    const here = fromElement(element);
    if (here.length > 0 && isShown(element)) found.push(...here);
  }
  return found.slice(0, MAX_CANDIDATES);
}
