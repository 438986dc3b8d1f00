/** Observations (labs, vitals, social history) and the DiagnosticReports that group them. */
import type { CodeableConcept, DiagnosticReport, Encounter, ImagingStudy, Observation, Reference } from '@medplum/fhirtypes';
import type { Code } from '../codes/systems';
import { HL7, UCUM } from '../codes/systems';
import type { Test } from '../codes/loinc';
import { BP } from '../codes/loinc';
import { round } from '../prng';
import type { Ctx } from './context';
import { add, concept, orgRef, ref } from './context';

const CATEGORY_DISPLAY = { laboratory: 'Laboratory', 'vital-signs': 'Vital Signs', exam: 'Exam', 'social-history': 'Social History', survey: 'Survey' } as const;
type Category = keyof typeof CATEGORY_DISPLAY;

const category = (c: Category): CodeableConcept[] => [{ coding: [{ system: HL7.observationCategory, code: c, display: CATEGORY_DISPLAY[c] }] }];

/** Results are issued a few hours after the sample; the source's lastUpdated follows the issue. */
function issuedAfter(when: string, hours: number): string {
  return new Date(Date.parse(when.length === 10 ? `${when}T09:00:00Z` : when) + hours * 3_600_000).toISOString();
}

function interpretation(test: Test, value: number): CodeableConcept[] | undefined {
  const flag = test.low !== undefined && value < test.low ? ['L', 'Low'] : test.high !== undefined && value > test.high ? ['H', 'High'] : undefined;
  if (!flag) return test.low === undefined && test.high === undefined ? undefined : [{ coding: [{ system: HL7.interpretation, code: 'N', display: 'Normal' }] }];
  return [{ coding: [{ system: HL7.interpretation, code: flag[0], display: flag[1] }] }];
}

function rangeText(test: Test): string {
  if (test.low !== undefined && test.high !== undefined) return `${test.low} - ${test.high}`;
  return test.low !== undefined ? `> ${test.low}` : `< ${String(test.high)}`;
}

export interface ObsOptions {
  readonly encounter?: Reference<Encounter>;
  readonly note?: string;
  /** Overrides the coding (e.g. the acute trust codes HbA1c in SNOMED CT, not LOINC). */
  readonly code?: Code;
}

export function observation(ctx: Ctx, test: Test, value: number, when: string, o: ObsOptions = {}): Observation & { id: string } {
  const issued = issuedAfter(when, test.category === 'laboratory' ? 5 : 0);
  const v = round(value, test.decimals);
  const hasRange = test.low !== undefined || test.high !== undefined;
  return add<Observation>(ctx, {
    resourceType: 'Observation',
    status: 'final',
    category: category(test.category),
    code: concept(o.code ?? test.code),
    subject: ctx.subject,
    ...(o.encounter ? { encounter: o.encounter } : {}),
    effectiveDateTime: when,
    issued,
    performer: [orgRef(ctx)],
    valueQuantity: { value: v, unit: test.unitDisplay ?? test.unit, system: UCUM, code: test.unit },
    ...(hasRange ? {
      referenceRange: [{
        ...(test.low !== undefined ? { low: { value: test.low, unit: test.unitDisplay ?? test.unit, system: UCUM, code: test.unit } } : {}),
        ...(test.high !== undefined ? { high: { value: test.high, unit: test.unitDisplay ?? test.unit, system: UCUM, code: test.unit } } : {}),
        text: rangeText(test),
      }],
      interpretation: interpretation(test, v),
    } : {}),
    ...(o.note ? { note: [{ text: o.note }] } : {}),
  }, issued);
}

export function bloodPressure(ctx: Ctx, systolic: number, diastolic: number, when: string, o: ObsOptions = {}): Observation & { id: string } {
  const mmHg = (value: number) => ({ value: Math.round(value), unit: 'mmHg', system: UCUM, code: 'mm[Hg]' });
  return add<Observation>(ctx, {
    resourceType: 'Observation',
    status: 'final',
    category: category('vital-signs'),
    code: concept(BP.panel, 'Blood pressure'),
    subject: ctx.subject,
    ...(o.encounter ? { encounter: o.encounter } : {}),
    effectiveDateTime: when,
    component: [
      { code: concept(BP.systolic), valueQuantity: mmHg(systolic) },
      { code: concept(BP.diastolic), valueQuantity: mmHg(diastolic) },
    ],
  }, when);
}

/** A coded answer: smoking status, TNM class, stage group. */
export function coded(ctx: Ctx, code: Code, value: CodeableConcept, when: string, cat?: Category): Observation & { id: string } {
  return add<Observation>(ctx, {
    resourceType: 'Observation',
    status: 'final',
    ...(cat ? { category: category(cat) } : {}),
    code: concept(code),
    subject: ctx.subject,
    effectiveDateTime: when,
    valueCodeableConcept: value,
  }, when);
}

export interface ReportOptions {
  readonly conclusion?: string;
  readonly encounter?: Reference<Encounter>;
  readonly serviceCategory?: 'LAB' | 'RAD' | 'SP' | 'OTH' | 'CUS';
  readonly text?: string;
  readonly results?: Reference<Observation>[];
  readonly imagingStudy?: Reference<ImagingStudy>[];
}

export function report(ctx: Ctx, code: Code, when: string, o: ReportOptions = {}): DiagnosticReport & { id: string } {
  const issued = issuedAfter(when, o.serviceCategory === 'LAB' || o.serviceCategory === undefined ? 6 : 48);
  return add<DiagnosticReport>(ctx, {
    resourceType: 'DiagnosticReport',
    status: 'final',
    category: [{ coding: [{ system: HL7.v2_0074, code: o.serviceCategory ?? 'LAB' }] }],
    code: concept(code, o.text),
    subject: ctx.subject,
    ...(o.encounter ? { encounter: o.encounter } : {}),
    effectiveDateTime: when,
    issued,
    performer: [orgRef(ctx)],
    ...(o.results?.length ? { result: o.results } : {}),
    ...(o.imagingStudy?.length ? { imagingStudy: o.imagingStudy } : {}),
    ...(o.conclusion ? { conclusion: o.conclusion } : {}),
  }, issued);
}

/** One blood draw: an Observation per test and a report that lists them. */
export function panel(ctx: Ctx, code: Code, results: ReadonlyArray<readonly [Test, number]>, when: string, o: ReportOptions = {}): DiagnosticReport {
  const observations = results.map(([test, value]) => observation(ctx, test, value, when, { encounter: o.encounter }));
  return report(ctx, code, when, { ...o, results: observations.map(ref) });
}
