/** Builders for the first screen: allergies, problems, medicines. One resource in, one row out. */
import type { FhirResource } from '../fhir/resource';
import { negationOf } from '../fhir/negations';
import { recordContextOf } from '../fhir/record-context';
import { readStatus, verificationWords } from '../fhir/status-rules';
import { choiceDate } from './choice-dates';
import { codeKeys, conceptText } from './codeable-text';
import { datePart, join, notes, obj, objs, str } from './fields';
import { medicationFor, medicineName } from './medicine-name';
import { prescriptionOf } from './medicines-uk';
import type { SummaryRow } from './model';
import { makeRow, type RowContext } from './row-base';

export type { RowContext } from './row-base';

/** A "no known …" statement's fields, if the concept makes one: its standard words, never an alert, never a finding. */
export function statementOf(concept: unknown) {
  const negation = negationOf(codeKeys(concept), conceptText(concept, ''));
  return negation && { text: negation.words, statement: { scope: negation.scope, kind: negation.kind } };
}

const onsetWords = (resource: FhirResource) => {
  const onset = choiceDate(resource, 'onset');
  return onset.words && `Onset ${onset.words}`;
};

/** An AllergyIntolerance row: substance, reactions, criticality, or a "no known allergy" statement. */
export function allergyRow(resource: FhirResource, ctx: RowContext, index = 0): SummaryRow {
  const status = readStatus(resource);
  const reactions = objs(resource, 'reaction')
    .flatMap((reaction) => objs(reaction, 'manifestation'))
    .map((manifestation) => conceptText(manifestation, ''))
    .filter(Boolean);
  const criticality = str(resource, 'criticality');
  const code = obj(resource, 'code');
  const statement = statementOf(code);
  const category = Array.isArray(resource['category']) ? resource['category'].find((c): c is string => typeof c === 'string') : undefined;
  return makeRow(resource, index, ctx, 'alg', code, {
    text: conceptText(code, 'Allergy (substance not recorded)'),
    ...statement,
    detail: join([reactions.join(', '), !statement && criticality === 'high' && 'High criticality', verificationWords(resource), onsetWords(resource)]),
    status: status.words ?? status.code,
    active: status.active,
    date: datePart(str(resource, 'recordedDate') ?? choiceDate(resource, 'onset').date),
    // A refuted, resolved or "no known" record is never drawn as a risk.
    alert: criticality === 'high' && status.active && !statement,
    ...(category ? { category } : {}),
    items: notes(resource),
  });
}

/** A Condition row: problem, stage, verification, onset and end in whatever form they were sent. */
export function conditionRow(resource: FhirResource, ctx: RowContext, index = 0): SummaryRow {
  const status = readStatus(resource);
  const stage = objs(resource, 'stage').map((s) => conceptText(obj(s, 'summary'), '')).filter(Boolean);
  const code = obj(resource, 'code');
  const onset = choiceDate(resource, 'onset');
  const abatement = choiceDate(resource, 'abatement');
  const text = conceptText(code, 'Problem (not named)');
  const context = recordContextOf(codeKeys(code), text, objs(resource, 'category').map((c) => conceptText(c, '')));
  return makeRow(resource, index, ctx, 'cond', code, {
    text,
    ...statementOf(code),
    ...(context ? { context } : {}),
    // An unconfirmed diagnosis must not read like a confirmed one.
    detail: join([stage.join('; '), verificationWords(resource), onsetWords(resource), abatement.words && `Ended ${abatement.words}`]),
    status: status.words ?? status.code,
    active: status.active,
    date: datePart(onset.date ?? str(resource, 'recordedDate')),
    end: datePart(abatement.date ?? abatement.end),
    items: notes(resource),
  });
}

const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

/** Dose as written, else the structured dose of the first dosage (`1 tablet`). */
function doseOf(dosage: Record<string, unknown> | undefined): string | undefined {
  if (!dosage) return undefined;
  const text = str(dosage, 'text');
  if (text) return text;
  const dose = objs(dosage, 'doseAndRate').map((d) => obj(d, 'doseQuantity')).find(Boolean);
  return dose && typeof dose['value'] === 'number' ? `${String(dose['value'])} ${str(dose, 'unit') ?? str(dose, 'code') ?? ''}`.trim() : undefined;
}

/**
 * A MedicationRequest or MedicationStatement row: medicine (by code, or by a contained or fetched
 * Medication), dose, status in words, and the period it covers from `effective[x]` or the
 * prescription's validity.
 */
export function medicationRow(resource: FhirResource, ctx: RowContext, index = 0): SummaryRow {
  const status = readStatus(resource);
  const dosage = objs(resource, 'dosageInstruction')[0] ?? objs(resource, 'dosage')[0];
  const concept = obj(resource, 'medicationCodeableConcept');
  const reference = obj(resource, 'medicationReference');
  const medication = reference && medicationFor(resource, str(reference, 'reference'), ctx.medication);
  const named = medication ? medicineName(medication) : undefined;
  const code = concept ?? named?.code;
  const text = concept ? conceptText(concept, '') : (named?.text ?? (reference && str(reference, 'display')));
  const effective = choiceDate(resource, 'effective');
  const validity = choiceDate(obj(resource, 'dispenseRequest') ?? {}, 'validity');
  return makeRow(resource, index, ctx, 'med', code, {
    text: text || 'Medicine (not named)',
    ...statementOf(code),
    detail: join([doseOf(dosage), named?.detail]),
    status: status.words ?? status.code,
    active: status.active,
    date: datePart(str(resource, 'authoredOn') ?? effective.date ?? str(resource, 'dateAsserted')),
    end: datePart(effective.end ?? validity.end),
    items: [...notes(resource), ...(named?.ingredients ?? [])],
    ...optional('prescription', prescriptionOf(resource)),
  });
}
