/**
 * The public example corpus: the HL7 FHIR R4 examples (`hl7.fhir.r4.examples@4.0.1`) and the HL7
 * International Patient Summary examples (`hl7.fhir.uv.ips@2.0.0`), devDependencies read from
 * node_modules. fhirside's rules were not written against them, so they test the summary on data
 * written by others. A patient's record is either every R4 example that references the patient,
 * or the resources of one example Bundle, with the Bundle's `urn:uuid` references turned into
 * `Type/id` the way a FHIR server stores a transaction.
 */
import type { FhirResource } from '@/lib/fhir/resource';
import { combineSources } from '@/lib/summary/combine';
import type { Summary } from '@/lib/summary/model';
import { SUMMARY_RESOURCE_TYPES, buildSourceSummary } from '@/lib/summary/source-summary';
import { exampleFiles, readExampleText } from './examples';

export const PATIENT_KEY = 'corpus|patient';

/** One patient's record from one example source. */
export interface CorpusRecord {
  readonly patient: FhirResource;
  readonly resources: readonly FhirResource[];
}

let r4Files: readonly string[] | undefined;
const r4Text = new Map<string, string>();

function r4Example(file: string): string {
  let text = r4Text.get(file);
  if (text === undefined) r4Text.set(file, (text = readExampleText('hl7.fhir.r4.examples', file)));
  return text;
}

/** Every R4 example resource of a type the summary reads (Bundles excluded) that references `Patient/<id>`, with that Patient. */
export function r4Patient(id: string): CorpusRecord {
  const types = [...SUMMARY_RESOURCE_TYPES, 'Medication'];
  r4Files ??= exampleFiles('hl7.fhir.r4.examples').filter((f) => f.endsWith('.json') && types.includes(f.slice(0, f.indexOf('-'))));
  const needle = `"Patient/${id}"`;
  const resources = r4Files.filter((f) => r4Example(f).includes(needle)).map((f) => JSON.parse(r4Example(f)) as FhirResource);
  return { patient: JSON.parse(r4Example(`Patient-${id}.json`)) as FhirResource, resources };
}

interface BundleJson {
  readonly entry?: readonly { readonly fullUrl?: string; readonly resource?: FhirResource }[];
}

/** Rewrites every reference that names an entry by its fullUrl to `Type/id`, as a server does on storing. */
function storedAsServerWould(bundle: BundleJson): FhirResource[] {
  const byUrl = new Map<string, string>();
  for (const e of bundle.entry ?? []) if (e.fullUrl && e.resource?.id) byUrl.set(e.fullUrl, `${e.resource.resourceType}/${e.resource.id}`);
  const text = JSON.stringify((bundle.entry ?? []).map((e) => e.resource).filter(Boolean));
  return JSON.parse(text, (key, value: unknown) => (key === 'reference' && typeof value === 'string' ? (byUrl.get(value) ?? value) : value)) as FhirResource[];
}

function bundleRecord(bundle: BundleJson, patientId?: string): CorpusRecord {
  const resources = storedAsServerWould(bundle);
  const patient = resources.find((r) => r.resourceType === 'Patient') ?? JSON.parse(r4Example(`Patient-${patientId}.json`)) as FhirResource;
  return { patient, resources: resources.filter((r) => r !== patient) };
}

/** An R4 example Bundle (`Bundle-ghp`), with its patient from the R4 examples where the Bundle holds none. */
export function r4Bundle(name: string, patientId?: string): CorpusRecord {
  return bundleRecord(JSON.parse(r4Example(`${name}.json`)) as BundleJson, patientId);
}

/** An IPS example document Bundle (`Bundle-IPS-examples-Bundle-01`). */
export function ipsBundle(name: string): CorpusRecord {
  return bundleRecord(JSON.parse(readExampleText('hl7.fhir.uv.ips', `example/${name}.json`)) as BundleJson);
}

/** Every IPS example document Bundle's name. */
export const IPS_BUNDLES: readonly string[] = exampleFiles('hl7.fhir.uv.ips', 'example').filter((f) => f.startsWith('Bundle-')).map((f) => f.replace(/\.json$/, ''));

/**
 * The summary fhirside draws for records from one or more sources.
 * @param sources - source id → that source's record of the patient
 */
export function summaryOf(sources: Readonly<Record<string, CorpusRecord>>): Summary {
  const built = Object.entries(sources).map(([sourceId, record]) =>
    buildSourceSummary({ sourceId, patientKey: PATIENT_KEY, patient: record.patient, resources: record.resources }));
  return combineSources(PATIENT_KEY, { patientKey: PATIENT_KEY }, built);
}
