/** Builders for the first screen: allergies, problems, medicines. One resource in, one row out. */
import type { FhirResource } from '../sources/fhir-types';
import { conceptText } from './codeable-text';
import { datePart, join, notes, obj, objs, period, statusCode, str } from './fields';
import { prescriptionOf } from './medicines-uk';
import type { SummaryRow } from './model';
import { makeRow, type RowContext } from './row-base';

export type { RowContext } from './row-base';

const NO_KNOWN_ALLERGY = ['http://snomed.info/sct|716186003', 'http://snomed.info/sct|409137002', 'http://snomed.info/sct|428607008'];

/** True for a "no known allergies" statement rather than an allergy. */
export function isNoKnownAllergy(row: SummaryRow): boolean {
  return row.codes.some((c) => NO_KNOWN_ALLERGY.includes(c)) || /^no known (drug )?allerg/i.test(row.text);
}

/** An AllergyIntolerance row: substance, reactions, criticality. */
export function allergyRow(resource: FhirResource, ctx: RowContext, index = 0): SummaryRow {
  const status = statusCode(resource, 'clinicalStatus');
  const verification = statusCode(resource, 'verificationStatus');
  const reactions = objs(resource, 'reaction')
    .flatMap((reaction) => objs(reaction, 'manifestation'))
    .map((manifestation) => conceptText(manifestation, ''))
    .filter(Boolean);
  const criticality = str(resource, 'criticality');
  const code = obj(resource, 'code');
  return makeRow(resource, index, ctx, 'alg', code, {
    text: conceptText(code, 'Allergy (substance not recorded)'),
    detail: join([reactions.join(', '), criticality === 'high' && 'High criticality', verification && verification !== 'confirmed' && verification]),
    status,
    active: status !== 'inactive' && status !== 'resolved',
    date: datePart(str(resource, 'recordedDate') ?? str(resource, 'onsetDateTime')),
    alert: criticality === 'high',
    items: notes(resource),
  });
}

/** A Condition row: problem, stage, verification, onset. */
export function conditionRow(resource: FhirResource, ctx: RowContext, index = 0): SummaryRow {
  const status = statusCode(resource, 'clinicalStatus');
  const verification = statusCode(resource, 'verificationStatus');
  const stage = objs(resource, 'stage').map((s) => conceptText(obj(s, 'summary'), '')).filter(Boolean);
  const code = obj(resource, 'code');
  return makeRow(resource, index, ctx, 'cond', code, {
    text: conceptText(code, 'Problem (not named)'),
    // An unconfirmed diagnosis must not read like a confirmed one.
    detail: join([stage.join('; '), verification && verification !== 'confirmed' && verification]),
    status,
    active: status === undefined || ['active', 'recurrence', 'relapse'].includes(status),
    date: datePart(str(resource, 'onsetDateTime') ?? period(resource, 'onsetPeriod').start ?? str(resource, 'recordedDate')),
    items: notes(resource),
  });
}

const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

/** A MedicationRequest or MedicationStatement row: medicine, dose, status, and the period it covers. */
export function medicationRow(resource: FhirResource, ctx: RowContext, index = 0): SummaryRow {
  const status = statusCode(resource, 'status');
  const dosage = objs(resource, 'dosageInstruction')[0] ?? objs(resource, 'dosage')[0];
  const medication = obj(resource, 'medicationCodeableConcept');
  const reference = obj(resource, 'medicationReference');
  const text = medication ? conceptText(medication, 'Medicine (not named)') : (reference && str(reference, 'display')) ?? 'Medicine (not named)';
  const effective = period(resource, 'effectivePeriod');
  const validity = period(obj(resource, 'dispenseRequest') ?? {}, 'validityPeriod');
  return makeRow(resource, index, ctx, 'med', medication, {
    text,
    detail: dosage ? str(dosage, 'text') : undefined,
    status,
    active: status === undefined || ['active', 'on-hold', 'intended', 'draft'].includes(status),
    date: datePart(str(resource, 'authoredOn') ?? effective.start ?? str(resource, 'dateAsserted')),
    end: datePart(effective.end ?? validity.end),
    items: notes(resource),
    ...optional('prescription', prescriptionOf(resource)),
  });
}
