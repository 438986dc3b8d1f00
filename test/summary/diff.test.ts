import { describe, expect, it } from 'vitest';
import { changesSince, snapshotOf } from '@/lib/summary/diff';
import { allergy, condition, hba1c, medication, summaryOf } from '../fixtures/summary-cases';

const before = summaryOf({
  gp: [allergy('a1'), condition('c1', '2024-03-01'), medication('m1', { dose: 'One tablet', authoredOn: '2020-01-01' }), hba1c('o1', '2025-01-13T08:40:00Z', 64)],
});

describe('changed since you last looked', () => {
  it('marks nothing when nothing changed', () => {
    expect(changesSince(snapshotOf(before), before)).toEqual({ marks: {}, gone: [] });
  });

  it('marks a new result, a new problem, a new allergy and a stopped medicine', () => {
    const after = summaryOf({
      gp: [allergy('a1'), allergy('a2', { code: '387494007' }), condition('c1', '2024-03-01'), condition('c9', '2026-11-01'),
        medication('m1', { dose: 'One tablet', authoredOn: '2020-01-01', status: 'stopped', end: '2026-11-01' }),
        hba1c('o1', '2025-01-13T08:40:00Z', 64), hba1c('o2', '2026-11-20T08:40:00Z', 58)],
    });
    const { marks } = changesSince(snapshotOf(before), after);
    const markOf = (section: keyof typeof after.sections, pick: (r: (typeof after.sections)['problems'][number]) => boolean) => marks[after.sections[section].find(pick)!.id];
    expect(markOf('results', () => true)).toBe('new-result');
    expect(markOf('medications', () => true)).toBe('stopped');
    expect(markOf('problems', (r) => r.date === '2026-11-01')).toBe('new');
    expect(markOf('problems', (r) => r.date === '2024-03-01')).toBeUndefined();
    expect(Object.values(marks).filter((m) => m === 'new')).toHaveLength(2);
  });

  it('lists a medicine no source lists any more', () => {
    const after = summaryOf({ gp: [allergy('a1'), condition('c1', '2024-03-01'), hba1c('o1', '2025-01-13T08:40:00Z', 64)] });
    expect(changesSince(snapshotOf(before), after).gone).toEqual(['Metformin 500mg tablets']);
  });

  it('never compares against another patient\'s snapshot', () => {
    expect(changesSince({ ...snapshotOf(before), patientKey: 'someone-else' }, before).marks).toEqual({});
  });

  it('keeps the snapshot small and plain (it is stored as JSON)', () => {
    const snapshot = snapshotOf(before);
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(JSON.stringify(snapshot).length).toBeLessThan(600);
  });
});
