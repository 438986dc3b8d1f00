import { describe, expect, it } from 'vitest';
import { firstScreenCopy, seriesCounts } from '@/lib/summary/first-screen-copy';
import { emptySections, type ResultPoint, type Summary, type SummaryRow } from '@/lib/summary/model';

const point = (day: number, unit = 'mmol/L'): ResultPoint => ({ at: `2026-01-${String(day).padStart(2, '0')}`, value: day, unit, display: `${day} ${unit}`, sources: [{ sourceId: 'acute', ref: `Observation/${day}` }] });
const row = (id: string, points: readonly ResultPoint[]): SummaryRow => ({ id, sourceId: 'acute', sources: points.flatMap((p) => p.sources), patientKey: 'p', key: id, codes: [], text: id, active: true, result: { points, namesAsSent: [] } });
const summaryOf = (rows: readonly SummaryRow[]): Summary => ({ patientKey: 'p', banner: { patientKey: 'p' }, sections: { ...emptySections(() => []), vitals: rows }, incomplete: {}, sourceIds: ['acute'] });

describe('the copy of a saved summary drawn first', () => {
  // Newest first, as the summary keeps them: 30 values, two of them in another unit.
  const long = Array.from({ length: 30 }, (_, i) => point(30 - i, i === 10 || i === 20 ? 'mg/dL' : 'mmol/L'));
  const short = [point(2), point(1)];

  it('keeps the newest values of a long series and what the whole series counts', () => {
    const copy = firstScreenCopy(summaryOf([row('sodium', long), row('potassium', short)]), 5)!;
    const [sodium, potassium] = copy.sections.vitals;
    expect(sodium!.result!.points).toEqual(long.slice(0, 5));
    expect(sodium!.result!.thinned).toEqual({ values: 30, otherUnits: 2 });
    expect(seriesCounts(sodium!.result!)).toEqual({ values: 30, otherUnits: 2 });
    expect(potassium!.result).toEqual({ points: short, namesAsSent: [] });
    // A chip per source: the first input resource of each, not one per value.
    expect(sodium!.sources).toEqual([{ sourceId: 'acute', ref: 'Observation/30' }]);
    expect(potassium!.sources).toHaveLength(2);
  });

  it('is not made when no series is longer than what it keeps', () => {
    expect(firstScreenCopy(summaryOf([row('potassium', short)]), 5)).toBeUndefined();
  });

  it('counts a whole series as the row shows it', () => {
    expect(seriesCounts({ points: long, namesAsSent: [] })).toEqual({ values: 30, otherUnits: 2 });
  });
});
