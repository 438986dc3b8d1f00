import type { FhirResource } from '../fhir/resource';
import { readStatus } from '../fhir/status-rules';
import { bannerFromPatient } from './banner';
import { choiceDate } from './choice-dates';
import { obj, objs, str } from './fields';
import { medicationLookup } from './medicine-name';
import { asRemoved } from './removed-rows';
import { emptySections, type Coverage, type SectionId, type SourceSummary, type SummaryRow } from './model';
import { refOf, type RowContext } from './row-base';
import { carePlanRow, careTeamRow, documentRow, flagRow } from './rows-care';
import { encounterRow, imagingStudyRow, immunizationRow, procedureRow } from './rows-events';
import { isImagingReport, isVitalSign, observationRow, reportDate, reportRow } from './rows-results';
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
  // A medicine named by a Medication on the server may be named once that Medication arrives.
  const byServerReference = !(str(obj(resource, 'medicationReference') ?? {}, 'reference') ?? '#').startsWith('#');
  if (built && typeof resource.id === 'string' && !byServerReference) builtRows.set(resource, { ...built, owner });
  return built;
}

function buildRow(resource: FhirResource, ctx: RowContext, index: number): BuiltRow | undefined {
  const simple = SIMPLE[resource.resourceType];
  const status = readStatus(resource);
  const built: BuiltRow | undefined = simple
    ? { section: simple[0], row: simple[1](resource, ctx, index) }
    : resource.resourceType === 'Observation' ? { section: isVitalSign(resource) ? 'vitals' : 'results', row: observationRow(resource, ctx, index) } : undefined;
  return built && status.removed ? { section: built.section, row: asRemoved(built.row, resource, status) } : built;
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
  const ctx = { sourceId: input.sourceId, patientKey: input.patientKey, medication: medicationLookup(input.resources) };
  const ownReference = `Patient/${input.patient.id}`;
  const sections = emptySections<SummaryRow[]>(() => []);
  const removed: Partial<Record<SectionId, SummaryRow[]>> = {};
  const own = input.resources.map((r, i) => [r, i] as const).filter(([r]) => belongsTo(r, ownReference));
  const observations = new Map<string, SummaryRow>();
  // A panel sent without a subject (R4 Bundle-ghp's) still dates its members; another patient's never does.
  const reportDates = datesFromReports(input.resources.filter((r) => belongsTo(r, ownReference) || (r['subject'] === undefined && r['patient'] === undefined)));
  const owner = ownerOf(ctx);
  for (const [resource, index] of own) {
    const built = rowOf(resource, ctx, owner, index);
    if (!built) continue;
    const ref = refOf(resource, index);
    const row = resource.resourceType === 'Observation' ? withReportDate(built.row, reportDates.get(ref)) : built.row;
    if (row.removed) (removed[built.section] ??= []).push(row);
    else sections[built.section].push(row);
    if (resource.resourceType === 'Observation') observations.set(ref, row);
  }
  // Reports after observations, so each report can name its results.
  const resolve = (reference: string) => {
    const row = observations.get(reference.replace(/^.*\/(Observation\/[^/]+)$/, '$1'));
    return row ? `${row.text}: ${row.result?.points[0]?.display ?? ''}` : undefined;
  };
  for (const [resource, index] of own) {
    if (resource.resourceType !== 'DiagnosticReport') continue;
    const section = isImagingReport(resource) ? 'imaging' : 'results';
    const status = readStatus(resource);
    const row = reportRow(resource, ctx, index, resolve);
    if (status.removed) (removed[section] ??= []).push(asRemoved(row, resource, status));
    else sections[section].push(row);
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
    coverage: coverageOf(sections, incomplete, input.notSupported ?? [], removed),
    ...(Object.keys(removed).length > 0 ? { removed } : {}),
    ...(Object.keys(extras.undrawn).length > 0 ? { undrawn: extras.undrawn } : {}),
    ...(input.resultsSince ? { resultsSince: input.resultsSince } : {}),
  };
}

const observationRef = (reference: Record<string, unknown>) => str(reference, 'reference')?.replace(/^.*?(Observation\/[^/]+)(\/_history\/.*)?$/, '$1');

/**
 * Each Observation a report lists (directly, or as a member of a panel it lists), with the date
 * it should be read at: a result sent without its own time takes its panel's, else its report's.
 */
function datesFromReports(resources: readonly FhirResource[]): Map<string, string> {
  const dates = new Map<string, string>();
  const observations = new Map(resources.filter((r) => r.resourceType === 'Observation' && r.id).map((r) => [`Observation/${r.id}`, r]));
  const give = (members: readonly Record<string, unknown>[], date: string, depth: number) => {
    for (const member of members) {
      const ref = observationRef(member);
      if (!ref || dates.has(ref)) continue;
      dates.set(ref, date);
      const panel = observations.get(ref);
      // A panel's members: a few levels at most, and each once, whatever loops a source sends.
      if (panel && depth < 4) give(objs(panel, 'hasMember'), choiceDate(panel, 'effective').date ?? date, depth + 1);
    }
  };
  for (const report of resources) {
    const date = report.resourceType === 'DiagnosticReport' ? reportDate(report) : undefined;
    if (date) give(objs(report, 'result'), date, 0);
  }
  for (const panel of observations.values()) {
    const date = choiceDate(panel, 'effective').date;
    if (date) give(objs(panel, 'hasMember'), date, 1);
  }
  return dates;
}

function withReportDate(row: SummaryRow, date: string | undefined): SummaryRow {
  const point = row.result?.points[0];
  if (!date || !point || point.at) return row;
  return { ...row, date: date.slice(0, 10), result: { ...row.result!, points: [{ ...point, at: date }] } };
}

function coverageOf(sections: Record<SectionId, SummaryRow[]>, incomplete: Partial<Record<SectionId, string>>, notSupported: readonly SectionId[], removed: Partial<Record<SectionId, SummaryRow[]>>): Record<SectionId, Coverage> {
  const out = emptySections<Coverage>(() => ({ state: 'empty' }));
  for (const id of Object.keys(out) as SectionId[]) {
    const count = [...sections[id], ...(removed[id] ?? [])].reduce((n, row) => n + row.sources.length, 0);
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
