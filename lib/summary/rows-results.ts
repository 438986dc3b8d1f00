/** Builders for Observations (one value of one test) and DiagnosticReports. Units exactly as sent. */
import type { FhirResource } from '../fhir/resource';
import { CRITICAL_INTERPRETATIONS, INTERPRETATION_WORDS } from '../fhir/observation-vocabulary';
import { readStatus } from '../fhir/status-rules';
import { choiceDate } from './choice-dates';
import { codeKeys, codings, conceptText } from './codeable-text';
import { codeGroupOf } from './code-groups';
import { datePart, join, obj, objs, str } from './fields';
import { observationValue } from './observation-value';
import { rangesOf } from './reference-range';
import type { ResultPoint, SummaryRow } from './model';
import { keyFrom, makeRow, refOf, type RowContext } from './row-base';

/**
 * The first interpretation in words: the source's own text or display, else the standard display
 * of its v3 ObservationInterpretation code. Normal (N) is not drawn as a flag.
 */
function flagOf(resource: FhirResource): { flag?: string; critical: boolean } {
  const concept = objs(resource, 'interpretation')[0];
  if (!concept) return { critical: false };
  const coding = codings(concept).find((c) => typeof c.code === 'string');
  const code = typeof coding?.code === 'string' ? coding.code : undefined;
  if (code === 'N') return { critical: false };
  const standard = code ? INTERPRETATION_WORDS[code] : undefined;
  const sent = str(concept, 'text') ?? (typeof coding?.display === 'string' && coding.display.trim() ? coding.display.trim() : undefined);
  return { flag: sent ?? standard ?? conceptText(concept, 'Abnormal'), critical: Boolean(code && CRITICAL_INTERPRETATIONS.has(code)) };
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
  const at = choiceDate(resource, 'effective').date ?? str(resource, 'issued');
  const { flag, critical } = flagOf(resource);
  const status = readStatus(resource);
  const point: ResultPoint = {
    at, ...observationValue(resource), ...rangesOf(resource), flag,
    // Preliminary, amended, corrected: said beside the value, never taken for a final one.
    ...(status.words ? { status: status.words } : {}),
    // Lean provenance: a long series is cached as JSON, and the time is already the point's own.
    sources: [{ sourceId: ctx.sourceId, ref: refOf(resource, index), ...(status.code && status.code !== 'final' ? { status: status.code } : {}) }],
  };
  return makeRow(resource, index, ctx, 'obs', code, {
    key: group ? `obs:group|${group.id}` : keyFrom('obs', codes, asSent),
    codes,
    text: group?.name ?? asSent,
    status: status.code,
    active: status.active,
    date: datePart(at),
    alert: critical,
    result: { points: [point], namesAsSent: [asSent] },
  });
}

/** When a report's results were taken: effective[x], else when it was issued. */
export function reportDate(resource: FhirResource): string | undefined {
  return choiceDate(resource, 'effective').date ?? str(resource, 'issued');
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
  const status = readStatus(resource);
  const narrative = str(obj(resource, 'text') ?? {}, 'div');
  const codes = codeKeys(code);
  return makeRow(resource, index, ctx, 'rpt', code, {
    key: conclusion || narrative ? `rpt:${ctx.sourceId}/${refOf(resource, index)}` : keyFrom('rptgroup', codes, text),
    text,
    detail: join([conclusion || undefined, status.words]),
    status: status.code,
    active: status.active,
    date: datePart(reportDate(resource)),
    items,
    narrative,
  });
}
