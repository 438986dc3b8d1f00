import type { FhirResource } from '../sources/fhir-types';
import { bannerFromPatient } from './banner';
import { emptySections, type Coverage, type SectionId, type SourceSummary, type SummaryRow } from './model';
import { refOf, type RowContext } from './row-base';
import { carePlanRow, careTeamRow, documentRow, flagRow } from './rows-care';
import { encounterRow, imagingStudyRow, immunizationRow, procedureRow } from './rows-events';
import { isImagingReport, isVitalSign, observationRow, reportRow } from './rows-results';
import { allergyRow, conditionRow, medicationRow } from './rows';
import { foldImaging } from './fold-imaging';
import { familyHistoryRow } from './rows-family';
import { buildExtras } from './source-extras';

export interface SourceResources {
  readonly sourceId: string;
  readonly patientKey: string;
  readonly patient: FhirResource;
  readonly resources: readonly FhirResource[];
  readonly incomplete?: Partial<Record<SectionId, string>>;
  /** Sections this source cannot hold (the server does not offer the resource types). */
  readonly notSupported?: readonly SectionId[];
  /** The Observation horizon applied to this source's fetch (ISO date), stated on the results. */
  readonly resultsSince?: string;
}

type Builder = (resource: FhirResource, ctx: RowContext, index: number) => SummaryRow;

const SIMPLE: Readonly<Record<string, readonly [SectionId, Builder]>> = {
  AllergyIntolerance: ['allergies', allergyRow],
  Condition: ['problems', conditionRow],
  MedicationRequest: ['medications', medicationRow],
  MedicationStatement: ['medications', medicationRow],
  Procedure: ['procedures', procedureRow],
  Immunization: ['immunizations', immunizationRow],
  Encounter: ['encounters', encounterRow],
  ImagingStudy: ['imaging', imagingStudyRow],
  Flag: ['alerts', flagRow],
  CarePlan: ['careplans', carePlanRow],
  CareTeam: ['careplans', careTeamRow],
  DocumentReference: ['documents', documentRow],
  FamilyMemberHistory: ['familyhistory', familyHistoryRow],
};

/** Each resource of these types is drawn as a row (source-extras.ts draws DeviceUseStatement, and the Consents that limit treatment). */
export const SUMMARY_RESOURCE_TYPES: readonly string[] = [...Object.keys(SIMPLE), 'Observation', 'DiagnosticReport', 'DeviceUseStatement'];
const DRAWN_TYPES: ReadonlySet<string> = new Set(SUMMARY_RESOURCE_TYPES);

/**
 * Rows already built, per resource object and source/patient: a summary is rebuilt from every
 * resource received so far each time a query completes, and a resource's row never changes.
 * Only resources with an id are kept (a row of one without an id depends on its position).
 */
interface BuiltRow {
  readonly section: SectionId;
  readonly row: SummaryRow;
}
const builtRows = new WeakMap<FhirResource, BuiltRow & { readonly owner: string }>();

const ownerOf = (ctx: RowContext) => `${ctx.sourceId}|${ctx.patientKey}`;

/** A resource's row and the section it goes in, built once per resource and source/patient (`owner`). */
function rowOf(resource: FhirResource, ctx: RowContext, owner: string, index: number): BuiltRow | undefined {
  const known = builtRows.get(resource);
  if (known?.owner === owner) return known;
  const built = buildRow(resource, ctx, index);
  if (built && typeof resource.id === 'string') builtRows.set(resource, { ...built, owner });
  return built;
}

function buildRow(resource: FhirResource, ctx: RowContext, index: number): BuiltRow | undefined {
  const simple = SIMPLE[resource.resourceType];
  if (simple) return { section: simple[0], row: simple[1](resource, ctx, index) };
  if (resource.resourceType !== 'Observation') return undefined;
  return { section: isVitalSign(resource) ? 'vitals' : 'results', row: observationRow(resource, ctx, index) };
}

/**
 * Builds the rows of a page of resources as it arrives, while the next page is on its way, so the
 * summary built once the last page is in finds them ready.
 */
export function prepareRows(ctx: RowContext, resources: readonly FhirResource[]): void {
  const owner = ownerOf(ctx);
  for (const resource of resources) if (typeof resource.id === 'string') rowOf(resource, ctx, owner, 0);
}

/**
 * Builds one source's summary: one row per resource. Resources that reference a different patient
 * than the resolved one are dropped here: a server bug must not attach another person's allergy
 * to this banner.
 */
export function buildSourceSummary(input: SourceResources): SourceSummary {
  const ctx = { sourceId: input.sourceId, patientKey: input.patientKey };
  const ownReference = `Patient/${input.patient.id}`;
  const sections = emptySections<SummaryRow[]>(() => []);
  const own = input.resources.map((r, i) => [r, i] as const).filter(([r]) => belongsTo(r, ownReference));
  const observations = new Map<string, SummaryRow>();
  const owner = ownerOf(ctx);
  for (const [resource, index] of own) {
    const built = rowOf(resource, ctx, owner, index);
    if (!built) continue;
    sections[built.section].push(built.row);
    if (resource.resourceType === 'Observation') observations.set(refOf(resource, index), built.row);
  }
  // Reports after observations, so each report can name its results.
  const resolve = (reference: string) => {
    const row = observations.get(reference.replace(/^.*\/(Observation\/[^/]+)$/, '$1'));
    return row ? `${row.text}: ${row.result?.points[0]?.display ?? ''}` : undefined;
  };
  for (const [resource, index] of own) {
    if (resource.resourceType !== 'DiagnosticReport') continue;
    sections[isImagingReport(resource) ? 'imaging' : 'results'].push(reportRow(resource, ctx, index, resolve));
  }
  const extras = buildExtras(own, input.resources, ctx, DRAWN_TYPES);
  for (const [section, row] of extras.rows) sections[section].push(row);
  sections.imaging = foldImaging(sections.imaging, own.filter(([r]) => r.resourceType === 'DiagnosticReport').map(([r, i]) => [r, refOf(r, i)] as const));
  const incomplete = input.incomplete ?? {};
  return {
    sourceId: input.sourceId,
    patientKey: input.patientKey,
    banner: bannerFromPatient(input.patient, input.patientKey),
    sections,
    incomplete,
    coverage: coverageOf(sections, incomplete, input.notSupported ?? []),
    ...(Object.keys(extras.undrawn).length > 0 ? { undrawn: extras.undrawn } : {}),
    ...(input.resultsSince ? { resultsSince: input.resultsSince } : {}),
  };
}

function coverageOf(sections: Record<SectionId, SummaryRow[]>, incomplete: Partial<Record<SectionId, string>>, notSupported: readonly SectionId[]): Record<SectionId, Coverage> {
  const out = emptySections<Coverage>(() => ({ state: 'empty' }));
  for (const id of Object.keys(out) as SectionId[]) {
    const count = sections[id].reduce((n, row) => n + row.sources.length, 0);
    const reason = incomplete[id];
    if (notSupported.includes(id) && count === 0) out[id] = { state: 'not-supported' };
    else if (reason) out[id] = { state: 'failed', reason };
    else out[id] = count > 0 ? { state: 'returned', count } : { state: 'empty' };
  }
  return out;
}

function belongsTo(resource: FhirResource, patientReference: string): boolean {
  const subject = (resource['patient'] ?? resource['subject']) as { reference?: unknown } | undefined;
  const reference = typeof subject?.reference === 'string' ? subject.reference : undefined;
  // Relative or absolute references both end with Patient/<id>.
  return reference === patientReference || (reference?.endsWith(`/${patientReference}`) ?? false);
}
