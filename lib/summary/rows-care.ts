/** Builders for coordination: alerts (Flag), care plans, care teams and documents. */
import type { FhirResource } from '../fhir/resource';
import { codings, conceptText } from './codeable-text';
import { datePart, join, obj, objs, period, statusCode, str } from './fields';
import type { SummaryRow } from './model';
import { makeRow, refOf, type RowContext } from './row-base';

const CATEGORY_WORDS: Record<string, string> = {
  safety: 'Safety', drug: 'Drug', clinical: 'Clinical', behavioral: 'Behavioural', admin: 'Administrative',
  diet: 'Diet', lab: 'Laboratory', contact: 'Contact', research: 'Research', advance_directive: 'Advance directive',
};

/** A Flag row: the alert's words, its category, since when. Active flags are alerts. */
export function flagRow(resource: FhirResource, ctx: RowContext, index = 0): SummaryRow {
  const code = obj(resource, 'code');
  const category = objs(resource, 'category').flatMap((c) => codings(c)).map((c) => (typeof c.code === 'string' ? CATEGORY_WORDS[c.code] ?? c.code : '')).find(Boolean);
  const status = statusCode(resource, 'status');
  const when = period(resource, 'period');
  const active = status === 'active';
  return makeRow(resource, index, ctx, 'flag', code, {
    key: `flag:${ctx.sourceId}/${refOf(resource, index)}`,
    text: conceptText(code, 'Alert (no wording sent)'),
    detail: category,
    status,
    active,
    alert: active,
    date: datePart(when.start),
    end: datePart(when.end),
  });
}

/** A CarePlan row: title, description and each activity. */
export function carePlanRow(resource: FhirResource, ctx: RowContext, index = 0): SummaryRow {
  const category = objs(resource, 'category').map((c) => conceptText(c, '')).find(Boolean);
  const status = statusCode(resource, 'status');
  const activities = objs(resource, 'activity').map((a) => str(obj(a, 'detail') ?? {}, 'description') ?? conceptText(obj(obj(a, 'detail') ?? {}, 'code'), '')).filter(Boolean);
  return makeRow(resource, index, ctx, 'plan', undefined, {
    key: `plan:${ctx.sourceId}/${refOf(resource, index)}`,
    text: str(resource, 'title') ?? category ?? 'Care plan',
    detail: join([str(resource, 'description')]),
    status,
    active: status === 'active' || status === 'on-hold',
    date: datePart(period(resource, 'period').start ?? str(resource, 'created')),
    items: [...(category ? [`Category: ${category}`] : []), ...activities],
    narrative: str(obj(resource, 'text') ?? {}, 'div'),
  });
}

/** A CareTeam row: the team and who is in it, care coordinator first. */
export function careTeamRow(resource: FhirResource, ctx: RowContext, index = 0): SummaryRow {
  const members = objs(resource, 'participant').map((p) => {
    const role = objs(p, 'role').map((r) => conceptText(r, '')).find(Boolean);
    const who = str(obj(p, 'member') ?? {}, 'display') ?? 'not named';
    return role ? `${role}: ${who}` : who;
  });
  // The person to call in a crisis should be the first thing read.
  const ordered = [...members.filter((m) => /care co-?ordinator/i.test(m)), ...members.filter((m) => !/care co-?ordinator/i.test(m))];
  const status = statusCode(resource, 'status');
  return makeRow(resource, index, ctx, 'team', undefined, {
    key: `team:${ctx.sourceId}/${refOf(resource, index)}`,
    text: str(resource, 'name') ?? 'Care team',
    detail: ordered[0],
    status,
    active: status === undefined || status === 'active',
    date: datePart(period(resource, 'period').start),
    items: ordered.slice(1),
  });
}

/** Decodes a small text/plain attachment; anything else is left at the source. */
function plainTextOf(attachment: Record<string, unknown>): string | undefined {
  const type = str(attachment, 'contentType') ?? '';
  const data = str(attachment, 'data');
  if (!data || !type.startsWith('text/plain')) return undefined;
  try {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const text = new TextDecoder().decode(bytes);
    return text.length > 8000 ? `${text.slice(0, 8000)}\n… (continues in the source record)` : text;
  } catch {
    return undefined;
  }
}

/** A DocumentReference row: title, type, author, and the letter's text where it is plain text. */
export function documentRow(resource: FhirResource, ctx: RowContext, index = 0): SummaryRow {
  const type = obj(resource, 'type');
  const attachments = objs(resource, 'content').map((c) => obj(c, 'attachment')).filter((a): a is Record<string, unknown> => Boolean(a));
  const authors = objs(resource, 'author').map((a) => str(a, 'display')).filter(Boolean);
  const status = statusCode(resource, 'status');
  return makeRow(resource, index, ctx, 'doc', type, {
    key: `doc:${ctx.sourceId}/${refOf(resource, index)}`,
    text: str(resource, 'description') ?? attachments.map((a) => str(a, 'title')).find(Boolean) ?? conceptText(type, 'Document'),
    detail: join([conceptText(type, ''), authors[0]]),
    status,
    active: status !== 'superseded' && status !== 'entered-in-error',
    date: datePart(str(resource, 'date') ?? attachments.map((a) => str(a, 'creation')).find(Boolean)),
    body: attachments.map(plainTextOf).find(Boolean),
    narrative: str(obj(resource, 'text') ?? {}, 'div'),
  });
}
