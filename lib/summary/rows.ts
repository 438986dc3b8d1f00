/** Builders: one FHIR resource in, one SummaryRow out. Pure; malformed input gives a plainer row. */
import type { FhirResource } from '../sources/fhir-types';
import { conceptText } from './codeable-text';
import { datePart, obj, objs, statusCode, str } from './fields';
import type { SummaryRow } from './model';

interface RowContext {
  readonly sourceId: string;
  readonly patientKey: string;
}

function baseRow(resource: FhirResource, ctx: RowContext) {
  return {
    id: `${ctx.sourceId}/${resource.resourceType}/${resource.id ?? 'unidentified'}`,
    sourceId: ctx.sourceId,
    patientKey: ctx.patientKey,
  };
}

const join = (parts: (string | undefined)[]) => parts.filter(Boolean).join(' · ') || undefined;

/** An AllergyIntolerance row: substance, reactions, criticality. */
export function allergyRow(resource: FhirResource, ctx: RowContext): SummaryRow {
  const status = statusCode(resource, 'clinicalStatus');
  const reactions = objs(resource, 'reaction')
    .flatMap((reaction) => objs(reaction, 'manifestation'))
    .map((manifestation) => conceptText(manifestation, ''))
    .filter(Boolean);
  const criticality = str(resource, 'criticality');
  return {
    ...baseRow(resource, ctx),
    text: conceptText(obj(resource, 'code'), 'Allergy (substance not recorded)'),
    detail: join([reactions.join(', ') || undefined, criticality === 'high' ? 'High criticality' : undefined]),
    status,
    active: status !== 'inactive' && status !== 'resolved',
    date: datePart(str(resource, 'recordedDate') ?? str(resource, 'onsetDateTime')),
    alert: criticality === 'high',
  };
}

/** A Condition row: problem, onset, status. */
export function conditionRow(resource: FhirResource, ctx: RowContext): SummaryRow {
  const status = statusCode(resource, 'clinicalStatus');
  const onset = datePart(str(resource, 'onsetDateTime') ?? str(resource, 'recordedDate'));
  const verification = statusCode(resource, 'verificationStatus');
  return {
    ...baseRow(resource, ctx),
    text: conceptText(obj(resource, 'code'), 'Problem (not named)'),
    // An unconfirmed diagnosis must not read like a confirmed one.
    detail: join([verification && verification !== 'confirmed' ? verification : undefined]),
    status,
    active: status === undefined || ['active', 'recurrence', 'relapse'].includes(status),
    date: onset,
  };
}

/** A MedicationRequest or MedicationStatement row: medicine, dose, status. */
export function medicationRow(resource: FhirResource, ctx: RowContext): SummaryRow {
  const status = statusCode(resource, 'status');
  const dosage = objs(resource, 'dosageInstruction')[0] ?? objs(resource, 'dosage')[0];
  const medication = obj(resource, 'medicationCodeableConcept');
  const reference = obj(resource, 'medicationReference');
  const text = medication
    ? conceptText(medication, 'Medicine (not named)')
    : (reference && str(reference, 'display')) ?? 'Medicine (not named)';
  return {
    ...baseRow(resource, ctx),
    text,
    detail: join([dosage ? str(dosage, 'text') : undefined]),
    status,
    active: status === undefined || ['active', 'on-hold', 'intended'].includes(status),
    date: datePart(str(resource, 'authoredOn') ?? str(resource, 'dateAsserted') ?? str(obj(resource, 'effectivePeriod') ?? {}, 'start')),
  };
}
