/**
 * Field checks shared by the configuration validators. Each check reports in words a trust's IT
 * team can act on, with the path of the offending value, and returns undefined when it fails.
 */

/** Records one problem at a path, e.g. `sources[1].fhirBaseUrl`. */
export type Report = (path: string, message: string) => void;

export type Raw = Readonly<Record<string, unknown>>;

/** A plain JSON object (not an array, not null). */
export const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

const describe = (value: unknown) =>
  Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;

/** A non-empty string of at most `max` characters. */
export function text(value: unknown, path: string, report: Report, max = 200): string | undefined {
  if (value === undefined) return void report(path, 'is missing');
  if (typeof value === 'string' && value.trim() === '') return void report(path, 'is empty');
  if (typeof value !== 'string') return void report(path, `must be text, not ${describe(value)}`);
  if (value.length > max) return void report(path, `must be at most ${max} characters`);
  return value;
}

/** A whole number in [min, max]. */
export function integer(value: unknown, path: string, report: Report, min: number, max: number): number | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) return void report(path, `must be a whole number, not ${describe(value)}`);
  if (value < min || value > max) return void report(path, `must be between ${min} and ${max} (is ${value})`);
  return value;
}

/** true or false. */
export function flag(value: unknown, path: string, report: Report): boolean | undefined {
  if (typeof value !== 'boolean') return void report(path, `must be true or false, not ${describe(value)}`);
  return value;
}

/** One of the allowed words. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string, report: Report): T | undefined {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return void report(path, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * An absolute https URL. Plain http is accepted only on this computer (the sandbox): clinical data
 * and tokens must never cross a network unencrypted.
 */
export function secureUrl(value: unknown, path: string, report: Report): string | undefined {
  const raw = text(value, path, report, 2000);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return void report(path, `"${raw}" is not a web address`);
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return raw;
  return void report(path, `"${raw}" must start with https:// (http is allowed only for 127.0.0.1 and localhost)`);
}

/** A regular expression that compiles. */
export function pattern(value: unknown, path: string, report: Report): string | undefined {
  const raw = text(value, path, report, 1000);
  if (raw === undefined) return undefined;
  try {
    new RegExp(raw);
    return raw;
  } catch (error) {
    return void report(path, `is not a valid regular expression (${error instanceof Error ? error.message : 'syntax error'})`);
  }
}

/** A list (its items are checked one by one by the caller). */
export function list(value: unknown, path: string, report: Report): readonly unknown[] | undefined {
  if (!Array.isArray(value)) return void report(path, `must be a list, not ${describe(value)}`);
  return value;
}

/**
 * Warns of fields the model does not know, so a typo (`fhirBaseURL`) does not pass silently. A
 * warning, not an error: a policy written for a newer fhirside must not switch a source off.
 */
export function unknownFields(value: Raw, known: readonly string[], path: string, warn: Report): void {
  for (const key of Object.keys(value)) if (!known.includes(key)) warn(`${path}.${key}`, 'is not a fhirside setting (misspelt?)');
}

/**
 * Runs a check and tells whether it reported anything: an item with any problem is skipped whole,
 * never half-applied.
 */
export function clean<T>(check: (report: Report) => T | undefined, report: Report): T | undefined {
  let failed = false;
  const value = check((path, message) => {
    failed = true;
    report(path, message);
  });
  return failed ? undefined : value;
}
