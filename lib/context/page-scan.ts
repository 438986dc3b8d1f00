/**
 * Reads the patient identity off a page, by one context rule. Runs in the content script; pure
 * DOM reading, never writing. What it returns is a claim that the background checks again.
 */
import { checkNhsNumber, NHS_NUMBER_SYSTEM } from './nhs-number';
import { contextKey, type PageContextReport } from './patient-context';
import { ruleForUrl, ruleSystem, type ContextRule, type IdentifierLocator } from './rules';

/** "NHS No. 943 476 5919", "NHS Number: 9434765919", "NHS no 943-476-5919". */
const NHS_LABELLED = /NHS\s*(?:No\.?|Number)\s*:?\s*(\d{3}[\s-]?\d{3}[\s-]?\d{4})\b/i;

function readLocator(doc: Document, url: string, locator: IdentifierLocator): string | undefined {
  switch (locator.from) {
    case 'url': {
      try {
        return new RegExp(locator.pattern).exec(url)?.[1] ?? undefined;
      } catch {
        return undefined;
      }
    }
    case 'selector': {
      const element = doc.querySelector(locator.selector);
      const raw = locator.attribute ? element?.getAttribute(locator.attribute) : element?.textContent;
      return raw?.trim() || undefined;
    }
    case 'text':
      return NHS_LABELLED.exec(doc.body?.innerText ?? doc.body?.textContent ?? '')?.[1];
  }
}

function readOptional(doc: Document, spec: { selector: string; attribute?: string } | undefined): string | undefined {
  if (!spec) return undefined;
  const element = doc.querySelector(spec.selector);
  const raw = spec.attribute ? element?.getAttribute(spec.attribute) : element?.textContent;
  return raw?.trim() || undefined;
}

/** An NHS number cell may hold a label too ("NHS No. 999 000 0018"): keep the digits and separators. */
function digitsPart(raw: string): string {
  return NHS_LABELLED.exec(raw)?.[1] ?? raw.replace(/^[^\d]*/, '').replace(/[^\d\s-].*$/, '');
}

/**
 * Scans a document with the first rule that applies to its URL.
 * @param url - the page URL (passed in, not read, so tests and SPAs agree on it)
 */
export function scanPage(doc: Document, url: string, rules: readonly ContextRule[], now = Date.now()): PageContextReport {
  const rule = ruleForUrl(rules, url);
  if (!rule) return { kind: 'none', url };
  const found = readLocator(doc, url, rule.identifier);
  if (!found) return { kind: 'none', url };
  const system = ruleSystem(rule);
  let value = found.trim();
  if (system === NHS_NUMBER_SYSTEM) {
    const check = checkNhsNumber(digitsPart(found));
    if (!check.valid) return { kind: 'rejected', url, found: found.trim().slice(0, 40), reason: check.reason };
    value = check.value;
  }
  const birthDate = readOptional(doc, rule.birthDate);
  const identifier = { system, value };
  return {
    kind: 'patient',
    context: {
      key: contextKey(identifier),
      identifier,
      birthDate: birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? birthDate : undefined,
      displayName: readOptional(doc, rule.name)?.slice(0, 80),
      origin: 'page',
      url,
      detectedAt: now,
    },
  };
}
