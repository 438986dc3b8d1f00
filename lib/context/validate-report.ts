/**
 * The background trusts no report blindly: a content script runs beside page code, so a report
 * is re-checked (shape, NHS number check digit) before it becomes a tab's context.
 */
import type { PageContextReport } from './patient-context';
import { validateContext } from './validate-context';

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');

/** Returns a safe copy of a report, or a 'none' report when it is not acceptable. */
export function validateReport(value: unknown, tabUrl: string | undefined): PageContextReport {
  const url = tabUrl ?? '';
  const none: PageContextReport = { kind: 'none', url };
  if (typeof value !== 'object' || value === null) return none;
  const report = value as Partial<Record<string, unknown>>;
  switch (report['kind']) {
    case 'rejected':
      return typeof report['found'] === 'string' && typeof report['reason'] === 'string'
        ? { kind: 'rejected', url, found: text(report['found'], 40), reason: text(report['reason'], 120) }
        : none;
    case 'ambiguous': {
      const found = Array.isArray(report['found']) ? report['found'].slice(0, 5).map((f) => text(f, 40)) : [];
      return { kind: 'ambiguous', url, found, reason: text(report['reason'], 120) || 'the page shows more than one patient' };
    }
    case 'patient': {
      // The tab's URL as the browser knows it, not as the page claims; origin is always 'page'.
      const context = validateContext(report['context'], 'page', url);
      return context ? { kind: 'patient', context } : none;
    }
    default:
      return none;
  }
}
