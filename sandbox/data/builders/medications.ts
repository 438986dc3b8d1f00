/**
 * Prescriptions (MedicationRequest) and medicines known but not prescribed here
 * (MedicationStatement: e.g. the GP's record of a hospital-only drug).
 */
import type { Condition, Extension, Medication, MedicationRequest, MedicationStatement, Reference } from '@medplum/fhirtypes';
import type { Code } from '../codes/systems';
import { HL7, UK_CORE } from '../codes/systems';
import type { Ctx } from './context';
import { add, concept, named } from './context';

export interface RequestOptions {
  readonly authoredOn: string;
  /** Dosage instruction as a UK prescription label reads. */
  readonly dose: string;
  readonly status?: MedicationRequest['status'];
  /** Last re-authorisation or issue: what the source last changed. */
  readonly lastIssued?: string;
  readonly end?: string;
  readonly quantity?: { readonly value: number; readonly unit: string };
  readonly courseOfTherapy?: 'continuous' | 'acute';
  /** Repeats issued so far against the authorisation (UK Core repeat information). */
  readonly issues?: number;
  /** When the repeat authorisation expires and must be reviewed (UK Core repeat information). */
  readonly reviewDate?: string;
  readonly category?: 'inpatient' | 'outpatient' | 'community' | 'discharge';
  readonly requester?: string;
  readonly reason?: Reference<Condition>;
  readonly note?: string;
  /**
   * How the medicine is named: a code on the prescription (default), a reference to a Medication
   * resource the source holds, or a Medication contained in the prescription — all three are how
   * real systems send it (FHIR R4 MedicationRequest.medication[x]).
   */
  readonly medicine?: 'code' | 'reference' | 'contained';
}

/** The medication[x] (and any contained Medication) naming `med` the way `how` says. */
function medicineOf(ctx: Ctx, med: Code, how: RequestOptions['medicine'], recorded: string): Pick<MedicationRequest, 'medicationCodeableConcept' | 'medicationReference' | 'contained'> {
  if (how === 'reference') {
    const medication = add<Medication>(ctx, { resourceType: 'Medication', code: concept(med) }, recorded);
    return { medicationReference: { reference: `Medication/${medication.id}` } };
  }
  if (how === 'contained') return { contained: [{ resourceType: 'Medication', id: 'med1', code: concept(med) }], medicationReference: { reference: '#med1' } };
  return { medicationCodeableConcept: concept(med) };
}

/**
 * UK Core prescribing extensions of a GP prescription. Last issue date is defined by UK Core for
 * MedicationStatement; a GP system that sends the authorisation as a MedicationRequest has no other
 * element for it, so the sandbox GP sends it on the request (fhirside reads it on both).
 */
function ukCoreExtensions(o: RequestOptions): Extension[] {
  const repeat = [
    ...(o.issues !== undefined ? [{ url: 'numberOfPrescriptionsIssued', valueUnsignedInt: o.issues }] : []),
    ...(o.reviewDate ? [{ url: 'authorisationExpiryDate', valueDateTime: o.reviewDate }] : []),
  ];
  return [
    ...(o.lastIssued ? [{ url: UK_CORE.lastIssueDate, valueDateTime: o.lastIssued }] : []),
    ...(repeat.length > 0 ? [{ url: UK_CORE.repeatInformation, extension: repeat }] : []),
  ];
}

export function prescribe(ctx: Ctx, med: Code, o: RequestOptions): MedicationRequest {
  const extension = ukCoreExtensions(o);
  const category = o.category ?? (ctx.source.id === 'gp' ? 'community' : 'outpatient');
  return add<MedicationRequest>(ctx, {
    resourceType: 'MedicationRequest',
    ...(extension.length > 0 ? { extension } : {}),
    status: o.status ?? 'active',
    intent: 'order',
    category: [{ coding: [{ system: HL7.medicationRequestCategory, code: category }] }],
    ...medicineOf(ctx, med, o.medicine, o.authoredOn),
    subject: ctx.subject,
    authoredOn: o.authoredOn,
    ...(o.requester ? { requester: named(o.requester) } : {}),
    ...(o.reason ? { reasonReference: [o.reason] } : {}),
    courseOfTherapyType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy', code: o.courseOfTherapy ?? 'continuous' }] },
    dosageInstruction: [{ text: o.dose }],
    ...(o.quantity || o.end ? {
      dispenseRequest: {
        ...(o.quantity ? { quantity: { value: o.quantity.value, unit: o.quantity.unit } } : {}),
        ...(o.end ? { validityPeriod: { start: o.authoredOn, end: o.end } } : {}),
      },
    } : {}),
    ...(o.note ? { note: [{ text: o.note }] } : {}),
  }, o.lastIssued ?? o.end ?? o.authoredOn);
}

export interface StatementOptions {
  readonly start: string;
  readonly end?: string;
  readonly dose: string;
  readonly status?: MedicationStatement['status'];
  readonly recorded?: string;
  readonly informationSource?: string;
  readonly note?: string;
}

export function medicationStatement(ctx: Ctx, med: Code, o: StatementOptions): MedicationStatement {
  return add<MedicationStatement>(ctx, {
    resourceType: 'MedicationStatement',
    status: o.status ?? 'active',
    category: { coding: [{ system: HL7.medicationStatementCategory, code: ctx.source.id === 'gp' ? 'community' : 'inpatient' }] },
    medicationCodeableConcept: concept(med),
    subject: ctx.subject,
    effectivePeriod: { start: o.start, ...(o.end ? { end: o.end } : {}) },
    dateAsserted: o.recorded ?? o.start,
    ...(o.informationSource ? { informationSource: named(o.informationSource) } : {}),
    dosage: [{ text: o.dose }],
    ...(o.note ? { note: [{ text: o.note }] } : {}),
  }, o.recorded ?? o.start);
}
