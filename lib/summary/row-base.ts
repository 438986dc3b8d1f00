/** What every builder shares: the row's identity, provenance and matching key. */
import { isGenericCode } from '../fhir/generic-codes';
import type { FhirResource } from '../fhir/resource';
import { codeKeys, normaliseText } from './codeable-text';
import type { MedicationLookup } from './medicine-name';
import type { Provenance, SummaryRow } from './model';
import { tagsOf } from './tags';

export interface RowContext {
  readonly sourceId: string;
  readonly patientKey: string;
  /** The Medication resources the source returned, for medicines named by reference. */
  readonly medication?: MedicationLookup;
}

/** The fields a builder decides; identity and provenance are filled in by `makeRow`. */
export type RowFields = Omit<SummaryRow, 'id' | 'sourceId' | 'sources' | 'patientKey' | 'key' | 'codes' | 'tags'> & {
  readonly codes?: readonly string[];
  /** Overrides the key made from codes or text. */
  readonly key?: string;
};

const PREFERRED = ['http://snomed.info/sct|', 'https://dmd.nhs.uk|', 'http://dmd.nhs.uk|', 'http://loinc.org|'];

/** `ResourceType/id`; a resource without an id gets its position, so two never share a reference. */
export function refOf(resource: FhirResource, index: number): string {
  return `${resource.resourceType}/${resource.id ?? `#${index}`}`;
}

/** The fallback words of a record that names nothing ("Medicine (not named)", "Problem (withheld by the source)"). */
export const UNNAMED = /\((not named|substance not recorded|withheld by the source)\)$/;

/**
 * A stable matching key: the preferred specific code, else the words of the text. A generic code
 * ("transfer-degraded drug allergy") names no fact, and a record with neither code nor name is
 * its own key (`unique`), so nothing unnamed is ever taken for something else.
 */
export function keyFrom(prefix: string, codes: readonly string[], text: string, unique = ''): string {
  const specific = codes.filter((c) => !isGenericCode(c));
  const code = PREFERRED.map((p) => specific.find((c) => c.startsWith(p))).find(Boolean) ?? specific[0];
  if (code) return `${prefix}:${code}`;
  return UNNAMED.test(text) ? `${prefix}:unnamed|${unique}` : `${prefix}:text|${normaliseText(text)}`;
}

/** Builds a row for one resource of one source. */
export function makeRow(resource: FhirResource, index: number, ctx: RowContext, prefix: string, concept: unknown, fields: RowFields): SummaryRow {
  const ref = refOf(resource, index);
  const codes = fields.codes ?? codeKeys(concept);
  const provenance: Provenance = { sourceId: ctx.sourceId, ref, detail: fields.detail, status: fields.status, date: fields.date };
  const row: SummaryRow = {
    ...fields,
    id: `${ctx.sourceId}/${ref}`,
    sourceId: ctx.sourceId,
    sources: [provenance],
    patientKey: ctx.patientKey,
    codes,
    key: fields.key ?? keyFrom(prefix, codes, fields.text, `${ctx.sourceId}/${ref}`),
  };
  const tags = tagsOf(resource.resourceType, row);
  return tags.length > 0 ? { ...row, tags } : row;
}
