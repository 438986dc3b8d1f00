/**
 * Reads the patient identity off a page, by one context rule. Runs in the content script; pure
 * DOM reading, never writing. What it returns is a claim that the background checks again.
 * Only what is on screen counts, and a page that names two different patients names none.
 */
import { checkNhsNumber, formatNhsNumber, NHS_NUMBER_SYSTEM } from './nhs-number';
import { parsePageDate } from './page-date';
import { numberPart, readElements, readLocator } from './page-locators';
import { contextKey, type PageContextReport } from './patient-context';
import { ruleForUrl, ruleSystem, type ContextRule } from './rules';
import type { Visibility } from './element-visibility';
import { DEFAULT_TEXT_BUDGET, type TextBudget } from './visible-text';

export interface ScanOptions {
  readonly now?: number;
  readonly budget?: TextBudget;
  /** `markup`: a preview that forces no style or layout (element-visibility.ts); the default is exact. */
  readonly visibility?: Visibility;
}

/**
 * Scans a document with the first rule that applies to its URL.
 * @param url - the page URL (passed in, not read, so tests and SPAs agree on it)
 */
export function scanPage(doc: Document, url: string, rules: readonly ContextRule[], options: ScanOptions | number = {}): PageContextReport {
  const { now = Date.now(), budget = DEFAULT_TEXT_BUDGET, visibility = 'rendered' } = typeof options === 'number' ? { now: options } : options;
  const rule = ruleForUrl(rules, url);
  if (!rule) return { kind: 'none', url };
  const found = readLocator(doc, url, rule.identifier, budget, visibility);
  if (found === 'too-large') return { kind: 'ambiguous', url, found: [], reason: 'the page is too large to check that it shows only one NHS number' };
  const system = ruleSystem(rule);
  const isNhs = system === NHS_NUMBER_SYSTEM;
  const candidates = found.values.map((v) => (isNhs ? numberPart(v) : v.trim()));
  // Two ways of writing one number are one number; two numbers are two patients.
  const distinct = [...new Map(candidates.map((c) => [isNhs ? c.replace(/\D/g, '') : c, c])).values()];
  if (distinct.length === 0) return { kind: 'none', url };
  if (distinct.length > 1) {
    const shown = distinct.slice(0, 5).map((c) => (isNhs ? formatNhsNumber(c) : c.slice(0, 40)));
    return { kind: 'ambiguous', url, found: shown, reason: `the page shows ${distinct.length} different ${isNhs ? 'NHS numbers' : 'patient identifiers'}` };
  }
  let value = distinct[0]!.trim();
  if (isNhs) {
    const check = checkNhsNumber(value);
    if (!check.valid) return { kind: 'rejected', url, found: value.slice(0, 40), reason: check.reason };
    value = check.value;
  }
  const births = rule.birthDate ? readElements(doc, rule.birthDate.selector, rule.birthDate.attribute, visibility) : [];
  const birthDates = [...new Set(births.map(parsePageDate).filter((d) => d !== undefined))];
  if (birthDates.length > 1) return { kind: 'ambiguous', url, found: birthDates, reason: 'the page shows more than one date of birth' };
  const identifier = { system, value };
  return {
    kind: 'patient',
    context: {
      key: contextKey(identifier),
      identifier,
      birthDate: birthDates[0],
      displayName: rule.name ? readElements(doc, rule.name.selector, undefined, visibility)[0]?.slice(0, 80) : undefined,
      origin: 'page',
      url,
      detectedAt: now,
    },
  };
}
