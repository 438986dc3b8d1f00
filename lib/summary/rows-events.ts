/** Builders for things that happened: procedures, immunisations, encounters, imaging studies. */
import type { FhirResource } from '../fhir/resource';
import { choiceDate } from './choice-dates';
import { codeKeys, conceptText, normaliseText } from './codeable-text';
import { datePart, join, notes, obj, objs, period, statusCode, str } from './fields';
import type { SummaryRow } from './model';
import { makeRow, type RowContext } from './row-base';
import { statementOf } from './rows';

const narrativeOf = (resource: FhirResource) => str(obj(resource, 'text') ?? {}, 'div');

/** A Procedure row: what was done, when, by whom. */
export function procedureRow(resource: FhirResource, ctx: RowContext, index = 0): SummaryRow {
  const code = obj(resource, 'code');
  const status = statusCode(resource, 'status');
  const performed = choiceDate(resource, 'performed');
  const performer = objs(resource, 'performer').map((p) => str(obj(p, 'actor') ?? {}, 'display')).find(Boolean);
  const site = objs(resource, 'bodySite').map((s) => conceptText(s, '')).find(Boolean);
  return makeRow(resource, index, ctx, 'proc', code, {
    text: conceptText(code, 'Procedure (not named)'),
    ...statementOf(code),
    detail: join([site, performer, performed.words && `Performed ${performed.words}`, status === 'not-done' && 'Not done']),
    status,
    active: status === 'in-progress',
    date: datePart(performed.date),
    end: datePart(performed.end),
    items: notes(resource),
    narrative: narrativeOf(resource),
  });
}

/** An Immunization row: vaccine, date, dose number. */
export function immunizationRow(resource: FhirResource, ctx: RowContext, index = 0): SummaryRow {
  const code = obj(resource, 'vaccineCode');
  const status = statusCode(resource, 'status');
  const dose = objs(resource, 'protocolApplied').map((p) => p['doseNumberPositiveInt']).find((d) => typeof d === 'number');
  const occurrence = choiceDate(resource, 'occurrence');
  return makeRow(resource, index, ctx, 'imm', code, {
    text: conceptText(code, 'Vaccine (not named)'),
    ...statementOf(code),
    // "Not done" must never read as given.
    detail: join([dose !== undefined && `Dose ${String(dose)}`, status === 'not-done' && 'Not given', occurrence.words && `Given ${occurrence.words}`]),
    status,
    active: false,
    date: datePart(occurrence.date ?? str(resource, 'recorded')),
  });
}

/** An Encounter row: type and service, class, start to end. */
export function encounterRow(resource: FhirResource, ctx: RowContext, index = 0): SummaryRow {
  const type = objs(resource, 'type')[0];
  const service = conceptText(obj(resource, 'serviceType'), '');
  const klass = obj(resource, 'class');
  const when = period(resource, 'period');
  const reason = objs(resource, 'reasonCode').map((r) => conceptText(r, '')).find(Boolean);
  const status = statusCode(resource, 'status');
  const text = service || conceptText(type, 'Encounter');
  return makeRow(resource, index, ctx, 'enc', type, {
    // The same visit is the same type at the same start time; anything else is another visit.
    key: `enc:${codeKeys(type)[0] ?? normaliseText(text)}@${when.start ?? ''}`,
    text,
    detail: join([service ? conceptText(type, '') : undefined, klass && (str(klass, 'display') ?? str(klass, 'code')), reason && `Reason: ${reason}`]),
    status,
    active: status === 'in-progress' || status === 'arrived',
    date: datePart(when.start),
    end: datePart(when.end),
  });
}

/** An ImagingStudy row: description, modality, images. */
export function imagingStudyRow(resource: FhirResource, ctx: RowContext, index = 0): SummaryRow {
  const procedure = objs(resource, 'procedureCode')[0];
  const modality = objs(resource, 'modality').map((m) => str(m, 'code')).filter(Boolean).join(', ');
  const instances = resource['numberOfInstances'];
  const status = statusCode(resource, 'status');
  return makeRow(resource, index, ctx, 'img', procedure, {
    key: `img:${ctx.sourceId}/${resource.id ?? index}`,
    text: str(resource, 'description') ?? conceptText(procedure, modality ? `${modality} study` : 'Imaging study'),
    detail: join([modality, typeof instances === 'number' && `${instances} image${instances === 1 ? '' : 's'}`]),
    status,
    active: false,
    date: datePart(str(resource, 'started')),
  });
}
