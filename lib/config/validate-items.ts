/** Checks a list of items with ids (sources, context rules) one by one. */
import type { ConfigProblem } from './model';
import { clean, isObject, list, type Report } from './validate-fields';

type ItemCheck<T> = (raw: unknown, path: string, report: Report, warn: Report) => T | undefined;

/** Checks a list of items with ids: bad items and repeated ids are skipped, each reported. */
export function items<T extends { id: string }>(raw: unknown, key: string, noun: string, check: ItemCheck<T>, problems: ConfigProblem[], origin: ConfigProblem['origin']): T[] | undefined {
  const fail: Report = (path, message) => problems.push({ origin, path, message, skipped: `all ${key}` });
  const entries = list(raw, key, fail);
  if (!entries) return undefined;
  const kept: T[] = [];
  entries.forEach((entry, i) => {
    const path = `${key}[${i}]`;
    const label = isObject(entry) && typeof entry['id'] === 'string' ? `${noun} "${entry['id']}"` : `${noun} ${i + 1}`;
    const report: Report = (p, message) => problems.push({ origin, path: p, message, skipped: label });
    const warn: Report = (p, message) => problems.push({ origin, path: p, message });
    const item = clean((r) => check(entry, path, r, warn), report);
    if (!item) return;
    if (kept.some((k) => k.id === item.id)) return void report(`${path}.id`, `repeats the id "${item.id}" of an earlier ${noun}`);
    kept.push(item);
  });
  return kept;
}

