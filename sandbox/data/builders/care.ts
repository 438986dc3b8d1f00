/** Care coordination and documents: plans, teams, flags, letters, imaging. */
import type { CarePlan, CareTeam, Condition, DocumentReference, Encounter, Flag, ImagingStudy, Reference } from '@medplum/fhirtypes';
import { at } from '../clock';
import type { Code } from '../codes/systems';
import { DICOM, HL7 } from '../codes/systems';
import { DOCUMENT_TYPE } from '../codes/snomed';
import type { Ctx } from './context';
import { add, concept, named, orgRef, textConcept } from './context';

/** `code` may be plain text: local alerts often have no national code. */
export function flag(ctx: Ctx, code: Code | string, start: string, o: { readonly category: 'safety' | 'drug' | 'clinical' | 'behavioral'; readonly text?: string; readonly end?: string }): Flag {
  return add<Flag>(ctx, {
    resourceType: 'Flag',
    status: o.end ? 'inactive' : 'active',
    category: [{ coding: [{ system: HL7.flagCategory, code: o.category }] }],
    code: typeof code === 'string' ? textConcept(code) : concept(code, o.text),
    subject: ctx.subject,
    period: { start, ...(o.end ? { end: o.end } : {}) },
    author: orgRef(ctx),
  }, o.end ?? start);
}

export function carePlan(ctx: Ctx, o: { readonly title: string; readonly category: string; readonly created: string; readonly description: string; readonly activities: readonly string[]; readonly careTeam?: Reference<CareTeam>; readonly addresses?: Reference<Condition>; readonly updated?: string }): CarePlan {
  return add<CarePlan>(ctx, {
    resourceType: 'CarePlan',
    status: 'active',
    intent: 'plan',
    category: [textConcept(o.category)],
    title: o.title,
    description: o.description,
    subject: ctx.subject,
    period: { start: o.created },
    created: o.created,
    author: orgRef(ctx),
    ...(o.careTeam ? { careTeam: [o.careTeam] } : {}),
    ...(o.addresses ? { addresses: [o.addresses] } : {}),
    activity: o.activities.map((text) => ({ detail: { status: 'in-progress' as const, description: text } })),
  }, o.updated ?? o.created);
}

export function careTeam(ctx: Ctx, o: { readonly name: string; readonly since: string; readonly members: ReadonlyArray<readonly [role: string, who: string]> }): CareTeam {
  return add<CareTeam>(ctx, {
    resourceType: 'CareTeam',
    status: 'active',
    name: o.name,
    subject: ctx.subject,
    period: { start: o.since },
    participant: o.members.map(([role, who]) => ({ role: [textConcept(role)], member: named(who) })),
    managingOrganization: [orgRef(ctx)],
  }, o.since);
}

/** A letter as a small text/plain attachment, as many trusts still send them. */
export function letter(ctx: Ctx, o: { readonly title: string; readonly date: string; readonly author: string; readonly body: string; readonly type?: Code; readonly encounter?: Reference<Encounter> }): DocumentReference {
  const data = Buffer.from(o.body, 'utf8');
  return add<DocumentReference>(ctx, {
    resourceType: 'DocumentReference',
    status: 'current',
    type: concept(o.type ?? DOCUMENT_TYPE.dischargeSummary),
    subject: ctx.subject,
    date: at(o.date, '16:30'),
    author: [named(o.author), orgRef(ctx)],
    description: o.title,
    content: [{ attachment: { contentType: 'text/plain; charset=utf-8', language: 'en-GB', data: data.toString('base64'), size: data.length, title: o.title, creation: at(o.date, '16:30') } }],
    ...(o.encounter ? { context: { encounter: [o.encounter] } } : {}),
  }, at(o.date, '16:30'));
}

export function imagingStudy(ctx: Ctx, o: { readonly date: string; readonly modality: 'MG' | 'CT' | 'MR' | 'US' | 'DX'; readonly description: string; readonly bodySite?: Code; readonly images?: number; readonly procedure?: Code }): ImagingStudy {
  const modality = { system: DICOM, code: o.modality };
  const uidTail = `${ctx.patient.key.replace(/\D/g, '')}${o.date.replace(/-/g, '')}${ctx.counters.get('img') ?? 0}`;
  return add<ImagingStudy>(ctx, {
    resourceType: 'ImagingStudy',
    status: 'available',
    identifier: [{ system: 'urn:dicom:uid', value: `urn:oid:2.25.${uidTail}` }],
    modality: [modality],
    subject: ctx.subject,
    started: at(o.date, '10:15'),
    ...(o.procedure ? { procedureCode: [concept(o.procedure)] } : {}),
    description: o.description,
    numberOfSeries: 1,
    numberOfInstances: o.images ?? 1,
    series: [{ uid: `2.25.${uidTail}1`, modality, description: o.description, numberOfInstances: o.images ?? 1, ...(o.bodySite ? { bodySite: { ...o.bodySite } } : {}) }],
  }, at(o.date, '15:00'));
}
