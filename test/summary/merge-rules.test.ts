import { describe, expect, it } from 'vitest';
import { allergy, condition, hba1c, medication, noKnownAllergies, summaryOf } from '../fixtures/summary-cases';

const sourcesOf = (row: { sources: readonly { sourceId: string }[] } | undefined) => row?.sources.map((s) => s.sourceId);

describe('allergies', () => {
  it('merges the same allergy from two sources into one row with both sources', () => {
    const { allergies } = summaryOf({ gp: [allergy('a1')], acute: [allergy('a2')] }).sections;
    expect(allergies).toHaveLength(1);
    expect(sourcesOf(allergies[0])).toEqual(['acute', 'gp']);
    expect(allergies[0]!.conflict).toBeUndefined();
  });

  it('keeps an allergy resolved at one source only as two rows marked as a conflict', () => {
    const { allergies } = summaryOf({ gp: [allergy('a1')], acute: [allergy('a2', { clinical: 'resolved' })] }).sections;
    expect(allergies).toHaveLength(2);
    expect(allergies.every((a) => a.conflict?.reason.startsWith('Sources disagree on whether this allergy is current'))).toBe(true);
    expect(allergies[0]!.active).toBe(true);
  });

  it('keeps differing criticality apart', () => {
    const { allergies } = summaryOf({ gp: [allergy('a1')], acute: [allergy('a2', { criticality: 'low' })] }).sections;
    expect(allergies.map((a) => a.conflict?.reason)).toEqual(['Sources disagree on criticality', 'Sources disagree on criticality']);
  });

  it('marks "no known allergies" that another source contradicts', () => {
    const { allergies } = summaryOf({ gp: [noKnownAllergies('n1')], acute: [allergy('a2')] }).sections;
    const statement = allergies.find((a) => a.text === 'No known allergy');
    expect(statement?.conflict?.reason).toBe('Another source records an allergy');
  });
});

describe('problems', () => {
  it('merges the same code with onsets within a month, showing the earlier onset', () => {
    const { problems } = summaryOf({ gp: [condition('c1', '2024-03-01')], acute: [condition('c2', '2024-03-20')] }).sections;
    expect(problems).toHaveLength(1);
    expect(problems[0]!.date).toBe('2024-03-01');
  });

  it('keeps episodes years apart as separate rows without calling them a conflict', () => {
    const { problems } = summaryOf({ gp: [condition('c1', '2019-07-01', { clinical: 'resolved' })], acute: [condition('c2', '2024-03-20')] }).sections;
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => !p.conflict)).toBe(true);
  });

  it('marks active at one source and resolved at another as a conflict', () => {
    const { problems } = summaryOf({ gp: [condition('c1', '2024-03-01')], acute: [condition('c2', '2024-03-01', { clinical: 'resolved' })] }).sections;
    expect(problems.map((p) => p.conflict?.reason)).toEqual(['Sources disagree on status (resolved / active)', 'Sources disagree on status (resolved / active)']);
  });

  it('never merges a provisional diagnosis into a confirmed one', () => {
    const { problems } = summaryOf({ gp: [condition('c1', '2024-03-01')], acute: [condition('c2', '2024-03-01', { verification: 'provisional' })] }).sections;
    expect(problems).toHaveLength(2);
    expect(problems[0]!.conflict?.reason).toBe('Confirmed at one source, provisional at another');
  });

  it('does not merge two entries from the same source', () => {
    expect(summaryOf({ gp: [condition('c1', '2024-03-01'), condition('c2', '2024-03-01')] }).sections.problems).toHaveLength(2);
  });
});

describe('medications', () => {
  it('merges the same medicine and dose over overlapping dates', () => {
    const { medications } = summaryOf({
      gp: [medication('m1', { dose: 'One tablet twice a day', authoredOn: '2014-03-10' })],
      acute: [medication('m2', { dose: 'one tablet  twice a day.', authoredOn: '2025-01-16' })],
    }).sections;
    expect(medications).toHaveLength(1);
    expect(medications[0]!.date).toBe('2025-01-16');
  });

  it('keeps different doses apart as a conflict', () => {
    const { medications } = summaryOf({
      gp: [medication('m1', { dose: 'One tablet twice a day', authoredOn: '2014-03-10' })],
      acute: [medication('m2', { dose: 'Two tablets twice a day', authoredOn: '2025-01-16' })],
    }).sections;
    expect(medications.map((m) => m.conflict?.reason)).toEqual(['Sources disagree on the dose', 'Sources disagree on the dose']);
  });

  it('keeps "still taking" against "stopped" apart as a conflict', () => {
    const { medications } = summaryOf({
      gp: [medication('m1', { dose: 'One tablet', authoredOn: '2020-01-01' })],
      acute: [medication('m2', { dose: 'One tablet', authoredOn: '2024-01-01', status: 'stopped', end: '2024-02-01' })],
    }).sections;
    expect(medications[0]!.conflict?.reason).toMatch(/still taken/);
  });

  it('treats a course that ended before another began as two courses, not a conflict', () => {
    const { medications } = summaryOf({
      gp: [medication('m1', { dose: 'One tablet', authoredOn: '2018-01-01', status: 'completed', end: '2018-03-01' })],
      acute: [medication('m2', { dose: 'Two tablets', authoredOn: '2024-01-01' })],
    }).sections;
    expect(medications).toHaveLength(2);
    expect(medications.every((m) => !m.conflict)).toBe(true);
  });
});

describe('results', () => {
  it('groups LOINC and SNOMED CT HbA1c on one row and merges the same value reported twice', () => {
    const { results } = summaryOf({
      gp: [hba1c('o1', '2025-01-13T08:40:00Z', 64), hba1c('o2', '2024-06-01T09:00:00Z', 58)],
      acute: [hba1c('o3', '2025-01-13T08:40:00.000Z', 64, { system: 'http://snomed.info/sct', code: '999791000000106' })],
    }).sections;
    expect(results).toHaveLength(1);
    const points = results[0]!.result!.points;
    expect(points.map((p) => [p.display, p.sources.map((s) => s.sourceId)])).toEqual([['64 mmol/mol', ['acute', 'gp']], ['58 mmol/mol', ['gp']]]);
    expect(points[0]).toMatchObject({ flag: 'High', range: '20–41 mmol/mol' });
  });

  it('keeps values in another unit as their own points, never converted', () => {
    const { results } = summaryOf({ gp: [hba1c('o1', '2025-01-13T08:40:00Z', 64), hba1c('o2', '2025-01-13T08:40:00Z', 8.0, { unit: '%' })] }).sections;
    expect(results[0]!.result!.points.map((p) => p.display).sort()).toEqual(['64 mmol/mol', '8 %']);
  });

  it('merges the same value at the same minute however each source wrote the time (zone, seconds)', () => {
    const { results } = summaryOf({
      gp: [hba1c('o1', '2025-01-13T08:40:00Z', 64)],
      acute: [hba1c('o2', '2025-01-13T09:40:30+01:00', 64)],
      mh: [hba1c('o3', '2025-01-13T08:40:59.999+00:00', 64)],
    }).sections;
    expect(results[0]!.result!.points.map((p) => p.sources.map((s) => s.sourceId).sort())).toEqual([['acute', 'gp', 'mh']]);
  });

  it('keeps the same value at a different time as another point', () => {
    const { results } = summaryOf({ gp: [hba1c('o1', '2025-01-13T08:40:00Z', 64)], acute: [hba1c('o2', '2025-01-14T08:40:00Z', 64)] }).sections;
    expect(results[0]!.result!.points).toHaveLength(2);
  });
});
