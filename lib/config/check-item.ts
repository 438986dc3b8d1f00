/** Checks one source or rule typed on the options page, before it is saved. */
import type { ContextRule } from '../context/rules';
import type { SourceConfig } from '../sources/source-config';
import type { Report } from './validate-fields';
import { validateRule } from './validate-rule';
import { validateSource } from './validate-source';

export type ItemCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly string[] };

function check<T>(validate: (raw: unknown, path: string, report: Report, warn: Report) => T | undefined, raw: unknown): ItemCheck<T> {
  const problems: string[] = [];
  const report: Report = (path, message) => problems.push(`${path.replace(/^item\.?/, '') || 'value'} ${message}`);
  const value = validate(raw, 'item', report, report);
  return value !== undefined && problems.length === 0 ? { ok: true, value } : { ok: false, problems };
}

/** Checks a source as the clinician typed it; the messages name the field. */
export const checkSource = (raw: unknown): ItemCheck<SourceConfig> => check(validateSource, raw);

/** Checks a context rule as the clinician typed it. */
export const checkRule = (raw: unknown): ItemCheck<ContextRule> => check(validateRule, raw);
