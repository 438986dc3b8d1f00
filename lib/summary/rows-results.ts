/** Builders for Observations (one value of one test) and DiagnosticReports. Units exactly as sent. */
import type { FhirResource } from '../sources/fhir-types';
import { codeKeys, codings, conceptText } from './codeable-text';
import { codeGroupOf } from './code-groups';
import { datePart, firstStr, obj, objs, period, statusCode, str } from './fields';
import type { ResultPoint, SummaryRow } from './model';
import { keyFrom, makeRow, refOf, type RowContext } from './row-base';

const FLAGS: Record<string, string> = {
  H: 'High', HH: 'Critical high', HU: 'Very high', L: 'Low', LL: 'Critical low', LU: 'Very low',
  A: 'Abnormal', AA: 'Critical abnormal', POS: 'Positive', DET: 'Detected', R: 'Resistant',
};
const CRITICAL = new Set(['HH', 'LL', 'AA']);

interface Quantity {
  value?: number;
  unit?: string;
}

function quantity(value: Record<string, unknown> | undefined): Quantity | undefined {
  if (!value || typeof value['value'] !== 'number') return undefined;
  return { value: value['value'], unit: str(value, 'unit') ?? str(value, 'code') };
}

const shown = (q: Quantity) => `${q.value}${q.unit ? ` ${q.unit}` : ''}`;

/** The value of an Observation (or a component) as a point: number, pair, code or text. */
function valueOf(resource: Record<string, unknown>): Pick<ResultPoint, 'value' | 'value2' | 'display' | 'unit'> {
  const q = quantity(obj(resource, 'valueQuantity'));
  if (q) return { value: q.value, unit: q.unit, display: shown(q) };
  const components = objs(resource, 'component').map((c) => quantity(obj(c, 'valueQuantity')));
  const [first, second] = components;
  if (first && second && first.unit === second.unit) {
    // Blood pressure and the like: "152/80 mmHg", never split into two rows.
    return { value: first.value, value2: second.value, unit: first.unit, display: `${first.value}/${second.value}${first.unit ? ` ${first.unit}` : ''}` };
  }
  if (components.some(Boolean)) return { display: components.filter(Boolean).map((c) => shown(c!)).join(', ') };
  const concept = obj(resource, 'valueCodeableConcept');
  if (concept) return { display: conceptText(concept, 'coded value') };
  for (const field of ['valueString', 'valueInteger', 'valueBoolean', 'valueDateTime']) {
    const v = resource[field];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { display: String(v), value: typeof v === 'number' ? v : undefined };
  }
  const absent = obj(resource, 'dataAbsentReason');
  return { display: absent ? `No value: ${conceptText(absent, 'not given')}` : 'No value sent' };
}

function rangeOf(resource: FhirResource): Pick<ResultPoint, 'range' | 'low' | 'high'> {
  const range = objs(resource, 'referenceRange')[0];
  if (!range) return {};
  const low = quantity(obj(range, 'low'));
  const high = quantity(obj(range, 'high'));
  const unit = high?.unit ?? low?.unit;
  const made = low && high ? `${low.value}–${high.value}` : low ? `≥ ${low.value}` : high ? `≤ ${high.value}` : undefined;
  return { range: str(range, 'text') ?? (made && `${made}${unit ? ` ${unit}` : ''}`), low: low?.value, high: high?.value };
}

function flagOf(resource: FhirResource): { flag?: string; critical: boolean } {
  const concept = objs(resource, 'interpretation')[0];
  const code = codings(concept).map((c) => (typeof c.code === 'string' ? c.code : '')).find(Boolean);
  if (code === 'N' || (!code && !concept)) return { critical: false };
  return { flag: (code && FLAGS[code]) ?? conceptText(concept, 'Abnormal'), critical: Boolean(code && CRITICAL.has(code)) };
}

/** True for an Observation filed under vital signs. */
export function isVitalSign(resource: FhirResource): boolean {
  return objs(resource, 'category').some((c) => codings(c).some((k) => k.code === 'vital-signs'));
}

/** One Observation as a one-point test row; the merge groups points by test. */
export function observationRow(resource: FhirResource, ctx: RowContext, index = 0): SummaryRow {
  const code = obj(resource, 'code');
  const codes = codeKeys(code);
  const group = codeGroupOf(codes);
  const asSent = conceptText(code, 'Test (not named)');
  const at = firstStr(resource, ['effectiveDateTime', 'effectiveInstant']) ?? period(resource, 'effectivePeriod').start ?? str(resource, 'issued');
  const { flag, critical } = flagOf(resource);
  const status = statusCode(resource, 'status');
  const point: ResultPoint = {
    at, ...valueOf(resource), ...rangeOf(resource), flag,
    // Lean provenance: a long series is cached as JSON, and the time is already the point's own.
    sources: [{ sourceId: ctx.sourceId, ref: refOf(resource, index), ...(status && status !== 'final' ? { status } : {}) }],
  };
  return makeRow(resource, index, ctx, 'obs', code, {
    key: group ? `obs:group|${group.id}` : keyFrom('obs', codes, asSent),
    codes,
    text: group?.name ?? asSent,
    status,
    active: status !== 'entered-in-error' && status !== 'cancelled',
    date: datePart(at),
    alert: critical,
    result: { points: [point], namesAsSent: [asSent] },
  });
}

/** True for an imaging report: radiology category or a link to an ImagingStudy. */
export function isImagingReport(resource: FhirResource): boolean {
  const radiology = objs(resource, 'category').some((c) => codings(c).some((k) => k.code === 'RAD' || k.code === 'LP29684-5'));
  return radiology || objs(resource, 'imagingStudy').length > 0;
}

/**
 * A DiagnosticReport row with its results named. A report with a conclusion is its own row; one
 * without (a routine blood panel) is grouped by code, as its values already appear as tests.
 * @param resolve - the display of an Observation of the same source by reference, if held
 */
export function reportRow(resource: FhirResource, ctx: RowContext, index: number, resolve: (reference: string) => string | undefined): SummaryRow {
  const code = obj(resource, 'code');
  const text = conceptText(code, 'Report (not named)');
  const conclusion = str(resource, 'conclusion') ?? objs(resource, 'conclusionCode').map((c) => conceptText(c, '')).filter(Boolean).join('; ');
  const items = objs(resource, 'result').map((r) => {
    const reference = str(r, 'reference');
    return (reference && resolve(reference)) ?? str(r, 'display') ?? `Result ${reference ?? '(not named)'}`;
  });
  const status = statusCode(resource, 'status');
  const narrative = str(obj(resource, 'text') ?? {}, 'div');
  const codes = codeKeys(code);
  return makeRow(resource, index, ctx, 'rpt', code, {
    key: conclusion || narrative ? `rpt:${ctx.sourceId}/${refOf(resource, index)}` : keyFrom('rptgroup', codes, text),
    text,
    detail: conclusion || undefined,
    status,
    active: status !== 'entered-in-error' && status !== 'cancelled',
    date: datePart(firstStr(resource, ['effectiveDateTime', 'issued']) ?? period(resource, 'effectivePeriod').start),
    items,
    narrative,
  });
}
