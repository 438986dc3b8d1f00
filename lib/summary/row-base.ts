/** What every builder shares: the row's identity, provenance and matching key. */
import type { FhirResource } from '../sources/fhir-types';
import { codeKeys, normaliseText } from './codeable-text';
import type { Provenance, SummaryRow } from './model';
import { tagsOf } from './tags';

export interface RowContext {
  readonly sourceId: string;
  readonly patientKey: string;
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

/** A stable matching key: the preferred code, else the words of the text. */
export function keyFrom(prefix: string, codes: readonly string[], text: string): string {
  const code = PREFERRED.map((p) => codes.find((c) => c.startsWith(p))).find(Boolean) ?? codes[0];
  return `${prefix}:${code ?? `text|${normaliseText(text)}`}`;
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
    key: fields.key ?? keyFrom(prefix, codes, fields.text),
  };
  const tags = tagsOf(resource.resourceType, row);
  return tags.length > 0 ? { ...row, tags } : row;
}
