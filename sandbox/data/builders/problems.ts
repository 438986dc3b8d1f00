/** Problems and allergies: what a clinician must not miss. */
import type { AllergyIntolerance, Condition, ConditionStage, Encounter, Reference } from '@medplum/fhirtypes';
import { addDays } from '../clock';
import type { Code } from '../codes/systems';
import { HL7 } from '../codes/systems';
import { ALLERGEN } from '../codes/snomed';
import type { Ctx } from './context';
import { add, concept } from './context';

export const cc = (system: string, code: string, display?: string) => ({ coding: [{ system, code, ...(display ? { display } : {}) }] });

export interface ConditionOptions {
  readonly onset: string;
  /** Defaults to problem-list-item at the GP and encounter-diagnosis elsewhere. */
  readonly category?: 'problem-list-item' | 'encounter-diagnosis';
  readonly clinicalStatus?: 'active' | 'resolved' | 'remission' | 'inactive';
  readonly abatement?: string;
  readonly verification?: 'confirmed' | 'provisional';
  readonly recorded?: string;
  readonly bodySite?: Code;
  readonly stage?: ConditionStage;
  readonly encounter?: Reference<Encounter>;
  readonly note?: string;
}

export function condition(ctx: Ctx, code: Code, o: ConditionOptions): Condition {
  const category = o.category ?? (ctx.source.id === 'gp' ? 'problem-list-item' : 'encounter-diagnosis');
  const recorded = o.recorded ?? o.onset;
  return add<Condition>(ctx, {
    resourceType: 'Condition',
    clinicalStatus: cc(HL7.conditionClinical, o.clinicalStatus ?? (o.abatement ? 'resolved' : 'active')),
    verificationStatus: cc(HL7.conditionVerification, o.verification ?? 'confirmed'),
    category: [cc(HL7.conditionCategory, category, category === 'problem-list-item' ? 'Problem List Item' : 'Encounter Diagnosis')],
    code: concept(code),
    ...(o.bodySite ? { bodySite: [concept(o.bodySite)] } : {}),
    subject: ctx.subject,
    ...(o.encounter ? { encounter: o.encounter } : {}),
    onsetDateTime: o.onset,
    ...(o.abatement ? { abatementDateTime: o.abatement } : {}),
    recordedDate: recorded,
    ...(o.stage ? { stage: [o.stage] } : {}),
    ...(o.note ? { note: [{ text: o.note }] } : {}),
  }, addDays(recorded, 1));
}

export interface AllergyOptions {
  readonly recorded: string;
  readonly criticality: 'low' | 'high' | 'unable-to-assess';
  readonly category: 'medication' | 'food' | 'environment';
  readonly type?: 'allergy' | 'intolerance';
  readonly reactions: readonly Code[];
  readonly severity?: 'mild' | 'moderate' | 'severe';
  readonly onset?: string;
  readonly note?: string;
}

export function allergy(ctx: Ctx, substance: Code, o: AllergyOptions): AllergyIntolerance {
  return add<AllergyIntolerance>(ctx, {
    resourceType: 'AllergyIntolerance',
    clinicalStatus: cc(HL7.allergyClinical, 'active', 'Active'),
    verificationStatus: cc(HL7.allergyVerification, 'confirmed', 'Confirmed'),
    type: o.type ?? 'allergy',
    category: [o.category],
    criticality: o.criticality,
    code: concept(substance),
    patient: ctx.subject,
    ...(o.onset ? { onsetDateTime: o.onset } : {}),
    recordedDate: o.recorded,
    reaction: [{ manifestation: o.reactions.map((r) => concept(r)), ...(o.severity ? { severity: o.severity } : {}) }],
    ...(o.note ? { note: [{ text: o.note }] } : {}),
  }, o.recorded);
}

/** "No known allergies" is a positive statement, distinct from no allergy record at all. */
export function noKnownAllergies(ctx: Ctx, recorded: string): AllergyIntolerance {
  return add<AllergyIntolerance>(ctx, {
    resourceType: 'AllergyIntolerance',
    clinicalStatus: cc(HL7.allergyClinical, 'active', 'Active'),
    verificationStatus: cc(HL7.allergyVerification, 'confirmed', 'Confirmed'),
    code: concept(ALLERGEN.noKnownAllergy),
    patient: ctx.subject,
    recordedDate: recorded,
  }, recorded);
}

