/**
 * The background trusts no report blindly: a content script runs beside page code, so a report
 * is re-checked (shape, NHS number check digit) before it becomes a tab's context.
 */
import { checkNhsNumber, NHS_NUMBER_SYSTEM } from './nhs-number';
import { contextKey, type PageContextReport } from './patient-context';

/** Returns a safe copy of a report, or a 'none' report when it is not acceptable. */
export function validateReport(value: unknown, tabUrl: string | undefined): PageContextReport {
  const none: PageContextReport = { kind: 'none', url: tabUrl ?? '' };
  if (typeof value !== 'object' || value === null) return none;
  const report = value as Partial<Record<string, unknown>>;
  if (report['kind'] === 'rejected' && typeof report['found'] === 'string' && typeof report['reason'] === 'string') {
    return { kind: 'rejected', url: tabUrl ?? '', found: report['found'].slice(0, 40), reason: report['reason'].slice(0, 120) };
  }
  if (report['kind'] !== 'patient') return none;
  const context = report['context'] as Record<string, unknown> | undefined;
  const identifier = context?.['identifier'] as { system?: unknown; value?: unknown } | undefined;
  if (typeof identifier?.system !== 'string' || typeof identifier.value !== 'string') return none;
  if (identifier.system === NHS_NUMBER_SYSTEM && !checkNhsNumber(identifier.value).valid) return none;
  const birthDate = typeof context?.['birthDate'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(context['birthDate']) ? context['birthDate'] : undefined;
  const displayName = typeof context?.['displayName'] === 'string' ? context['displayName'].slice(0, 80) : undefined;
  const clean = { system: identifier.system, value: identifier.value };
  return {
    kind: 'patient',
    context: {
      key: contextKey(clean),
      identifier: clean,
      birthDate,
      displayName,
      origin: 'page',
      // The tab's URL as the browser knows it, not as the page claims.
      url: tabUrl ?? '',
      detectedAt: Date.now(),
    },
  };
}
