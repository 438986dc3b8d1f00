/**
 * Public FHIR examples written by others (npm devDependencies hl7.fhir.r4.examples@4.0.1 and
 * hl7.fhir.uv.ips@2.0.0), read as they are published. Only file reading lives here, with no
 * runtime import through the `@` alias, so the end-to-end tests (which run without it) share it
 * with the unit tests; corpus.ts builds records and summaries on top.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FhirResource } from '../../lib/fhir/resource';

const require = createRequire(import.meta.url);

export type ExamplePackage = 'hl7.fhir.uv.ips' | 'hl7.fhir.r4.examples';

/** The folder an installed FHIR package keeps its files in. */
export function packageDir(pkg: ExamplePackage): string {
  return dirname(require.resolve(`${pkg}/package.json`));
}

/** One JSON file of an installed FHIR package as text, e.g. `('hl7.fhir.uv.ips', 'example/Bundle-bundle-ips-all-sections.json')`. */
export function readExampleText(pkg: ExamplePackage, file: string): string {
  return readFileSync(join(packageDir(pkg), file), 'utf8');
}

/** One JSON file of an installed FHIR package, parsed. */
export function readExample(pkg: ExamplePackage, file: string): FhirResource {
  return JSON.parse(readExampleText(pkg, file)) as FhirResource;
}

/** The file names in one folder of an installed FHIR package. */
export function exampleFiles(pkg: ExamplePackage, folder = '.'): string[] {
  return readdirSync(join(packageDir(pkg), folder));
}

/** The resources of a Bundle, in the order it lists them. */
export function bundleResources(bundle: FhirResource): FhirResource[] {
  const entries = Array.isArray(bundle['entry']) ? (bundle['entry'] as { resource?: FhirResource }[]) : [];
  return entries.map((e) => e.resource).filter((r): r is FhirResource => Boolean(r));
}

/** The IPS "all sections" example (a document Bundle for Patient d174bd1a…, Patricia Jordana). */
export const ipsAllSections = () => bundleResources(readExample('hl7.fhir.uv.ips', 'example/Bundle-bundle-ips-all-sections.json'));
