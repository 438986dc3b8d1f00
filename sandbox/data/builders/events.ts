/** Things that happened: procedures, encounters, immunisations. */
import type { Condition, Encounter, Immunization, Procedure, Reference } from '@medplum/fhirtypes';
import { TODAY, at } from '../clock';
import type { Code } from '../codes/systems';
import { HL7 } from '../codes/systems';
import type { Ctx } from './context';
import { add, concept, named, orgRef, textConcept } from './context';
import { cc } from './problems';

export interface ProcedureOptions {
  readonly date: string;
  readonly end?: string;
  readonly text?: string;
  readonly status?: Procedure['status'];
  readonly performer?: string;
  readonly bodySite?: Code;
  readonly reason?: Reference<Condition>;
  readonly note?: string;
}

export function procedure(ctx: Ctx, code: Code, o: ProcedureOptions): Procedure {
  return add<Procedure>(ctx, {
    resourceType: 'Procedure',
    status: o.status ?? 'completed',
    code: concept(code, o.text),
    subject: ctx.subject,
    ...(o.end || o.status === 'in-progress' ? { performedPeriod: { start: o.date, ...(o.end ? { end: o.end } : {}) } } : { performedDateTime: o.date }),
    ...(o.performer ? { performer: [{ actor: named(o.performer) }] } : {}),
    ...(o.bodySite ? { bodySite: [concept(o.bodySite)] } : {}),
    ...(o.reason ? { reasonReference: [o.reason] } : {}),
    ...(o.note ? { note: [{ text: o.note }] } : {}),
  }, o.end ?? o.date);
}

const CLASS = {
  AMB: 'ambulatory', IMP: 'inpatient encounter', EMER: 'emergency', VR: 'virtual', HH: 'home health',
} as const;

export interface EncounterOptions {
  readonly start: string;
  readonly end?: string;
  readonly type: Code;
  readonly klass: keyof typeof CLASS;
  readonly reason?: Code;
  readonly service?: string;
  readonly died?: boolean;
}

export function encounter(ctx: Ctx, o: EncounterOptions): Encounter {
  const end = o.end ?? o.start;
  return add<Encounter>(ctx, {
    resourceType: 'Encounter',
    status: end > TODAY ? 'in-progress' : 'finished',
    class: { system: HL7.actCode, code: o.klass, display: CLASS[o.klass] },
    type: [concept(o.type)],
    ...(o.service ? { serviceType: { text: o.service } } : {}),
    subject: ctx.subject,
    period: { start: o.start.length === 10 ? at(o.start, '09:00') : o.start, end: end.length === 10 ? at(end, '17:00') : end },
    ...(o.reason ? { reasonCode: [concept(o.reason)] } : {}),
    ...(o.klass === 'IMP' ? { hospitalization: { dischargeDisposition: o.died ? cc(HL7.dischargeDisposition, 'exp', 'Expired') : cc(HL7.dischargeDisposition, 'home', 'Home') } } : {}),
    serviceProvider: orgRef(ctx),
  }, end);
}

/** `vaccine` may be plain text where no international SNOMED CT product concept exists (e.g. MenB). */
export function immunization(ctx: Ctx, vaccine: Code | string, date: string, o: { readonly dose?: number; readonly text?: string; readonly lot?: string } = {}): Immunization {
  return add<Immunization>(ctx, {
    resourceType: 'Immunization',
    status: 'completed',
    vaccineCode: typeof vaccine === 'string' ? textConcept(vaccine) : concept(vaccine, o.text),
    patient: ctx.subject,
    occurrenceDateTime: date,
    recorded: date,
    primarySource: true,
    ...(o.lot ? { lotNumber: o.lot } : {}),
    ...(o.dose ? { protocolApplied: [{ doseNumberPositiveInt: o.dose }] } : {}),
  }, date);
}
