/** `--load <source>=<bundle.json>`: a FHIR Bundle file for a sandbox source, read and parsed. */
import { readFileSync } from 'node:fs';
import type { SourceId } from './config';

export interface BundleFile {
  readonly source: SourceId;
  readonly file: string;
  readonly bundle: unknown;
}

/**
 * Reads one `<source>=<file>` argument; throws a message naming what is wrong.
 * @param known - the source ids the sandbox runs
 */
export function readBundleArg(value: string, known: ReadonlySet<string>): BundleFile {
  const at = value.indexOf('=');
  const [source, file] = at > 0 ? [value.slice(0, at), value.slice(at + 1)] : ['', value];
  if (!known.has(source)) throw new Error(`--load needs <source>=<file> with a source among ${[...known].join(', ')}; got "${value}".`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as Error).message}.`);
  }
  try {
    return { source: source as SourceId, file, bundle: JSON.parse(text) as unknown };
  } catch {
    throw new Error(`${file} is not JSON.`);
  }
}

/** The `<source>=<file>` pairs of FHIRSIDE_LOAD (comma-separated), read and parsed. */
export function bundlesFromEnv(known: ReadonlySet<string>, value = process.env['FHIRSIDE_LOAD'] ?? ''): BundleFile[] {
  return value.split(',').filter(Boolean).map((pair) => readBundleArg(pair, known));
}
