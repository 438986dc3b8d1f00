/**
 * Values exactly as sent, on public data: comparators (R4 Bundle-ghp, Bundle-lri-example,
 * Bundle-micro), labelled components (f201's eGFR), blood pressure pairs only for blood pressure
 * (Patient/example, IPS all-sections), severity bands never taken for the normal range
 * (Patient/example's Glasgow Coma Scale), standard interpretation words, and a report's date for
 * results sent without their own.
 */
import { describe, expect, it } from 'vitest';
import { applyLens } from '@/lib/summary/lens';
import type { ResultPoint, Summary } from '@/lib/summary/model';
import { summaryAsText } from '@/lib/summary/plain-text';
import { ipsBundle, r4Bundle, r4Patient, summaryOf } from './corpus';

const ghp = summaryOf({ lab: r4Bundle('Bundle-ghp', 'pat2') });
const lri = summaryOf({ lab: r4Bundle('Bundle-lri-example', 'example') });
const micro = summaryOf({ lab: r4Bundle('Bundle-micro', 'example') });
const example = summaryOf({ gp: r4Patient('example') });
const f201 = summaryOf({ gp: r4Patient('f201') });

/** The point a source sent as `Observation/<id>`. */
function point(summary: Summary, id: string): ResultPoint {
  const rows = [...summary.sections.results, ...summary.sections.vitals];
  const found = rows.flatMap((r) => r.result?.points ?? []).find((p) => p.sources.some((s) => s.ref === `Observation/${id}`));
  if (!found) throw new Error(`no point for Observation/${id}`);
  return found;
}

describe('comparators are kept', () => {
  it('R4 Bundle-ghp: urine erythrocytes "<1 /uL" and squamous cells "<1 /mL", never "1"', () => {
    expect(point(ghp, 'u8').display).toBe('<1 /uL');
    expect(point(ghp, 'u9').display).toBe('<1 /mL');
    expect(point(ghp, 'u7').display).toBe('1 /uL');
  });

  it('R4 Bundle-lri-example: ampicillin MIC "<0.06 ug/ml", Susceptible', () => {
    expect(point(lri, 'org2-amp')).toMatchObject({ display: '<0.06 ug/ml', flag: 'Susceptible' });
  });

  it('R4 Bundle-micro: "<=2" and ">=8" MICs, with the standard words for S and R sent as bare codes', () => {
    expect(point(micro, 'obx2-2')).toMatchObject({ display: '<=2', flag: 'Susceptible' });
    expect(point(micro, 'obx2-12')).toMatchObject({ display: '>=8', flag: 'Resistant' });
  });

  it('in the copied text too', () => {
    const text = summaryAsText(ghp, applyLens(ghp, 'general'), { lab: 'Lab' }, 'now');
    expect(text).toContain('<1 /uL');
  });
});

describe('components each under their own label', () => {
  it('R4 f201 eGFR: ">60" and "60" are two labelled values, not a "60/60" pair', () => {
    const egfr = point(f201, 'f205');
    expect(egfr.display).toContain(': >60 mL/min/1.73m2');
    expect(egfr.display).toContain(': 60 mL/min/1.73m2');
    expect(egfr.display).not.toContain('60/60');
    expect(egfr.value2).toBeUndefined();
  });

  it('R4 Patient/example blood pressure is a pair; the one without a diastolic says so', () => {
    expect(point(example, 'blood-pressure')).toMatchObject({ display: '107/60 mmHg', value: 107, value2: 60 });
    expect(point(example, 'blood-pressure-dar').display).toBe('107/– mmHg (diastolic not recorded)');
  });

  it('IPS all-sections blood pressure panel (LOINC 85354-9) is 140/80 mmHg', () => {
    const ips = summaryOf({ gp: ipsBundle('Bundle-bundle-ips-all-sections') });
    expect(ips.sections.vitals.find((r) => r.text === 'Blood pressure')?.result?.points[0]?.display).toBe('140/80 mmHg');
  });

  it('R4 Glasgow Coma Scale: a CodeableConcept component reads as its words under its label', () => {
    expect(point(example, 'glasgow').display).toContain('GCS Motor: 5 (Localizes painful stimuli)');
  });
});

describe('reference ranges and interpretations', () => {
  it('R4 Glasgow Coma Scale: the severe/moderate/mild TBI bands are not presented as a normal range', () => {
    const gcs = point(example, 'glasgow');
    expect(gcs.range).toBeUndefined();
    expect(gcs.otherRanges).toEqual(['≤ 8 {score} (Severe TBI)', '9–12 {score} (Moderate TBI)', '≥ 13 {score} (Mild TBI)']);
  });

  it('R4 Bundle-ghp: the critical-low neutrophils alert, the high haematocrit reads High, with its range', () => {
    expect(point(ghp, 'r9').flag).toBe('Critical low');
    expect(ghp.sections.results.find((r) => r.result?.points[0]?.sources[0]?.ref === 'Observation/r9')?.alert).toBe(true);
    expect(point(ghp, 'r3')).toMatchObject({ flag: 'High', display: '55 %' });
    expect(point(ghp, 'r1').range).toBeDefined();
  });

  it('a corrected or preliminary value is marked as such (R4 Bundle-ghp haemoglobin, sent again as corrected)', () => {
    const record = r4Bundle('Bundle-ghp', 'pat2');
    const corrected = summaryOf({ lab: { ...record, resources: record.resources.map((r) => (r.id === 'r1' ? { ...r, status: 'corrected' } : r)) } });
    expect(point(corrected, 'r1').status).toBe('corrected');
    expect(point(ghp, 'r1').status).toBeUndefined();
  });
});

describe('dates from the report', () => {
  it('R4 Bundle-ghp: results sent without a time take their report\'s effective time', () => {
    expect(point(ghp, 'r1').at).toBe('2015-08-16T06:40:17Z');
    expect(point(ghp, 'o1').at).toBe('2015-08-16T06:40:17Z');
  });

  it('R4 Bundle-micro: results take the report\'s issued time when it has no effective time', () => {
    expect(point(micro, 'obx2-2').at).toBe('2009-08-10T08:25:44+10:00');
  });
});
