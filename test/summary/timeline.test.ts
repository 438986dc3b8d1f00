import { describe, expect, it } from 'vitest';
import { emptySections, type SectionId, type Summary, type SummaryRow } from '@/lib/summary/model';
import { filterTimeline, timelineEvents, withGaps } from '@/lib/summary/timeline';

function row(id: string, text: string, fields: Partial<SummaryRow> = {}, sourceIds = ['gp']): SummaryRow {
  return { id, text, sourceId: sourceIds[0]!, sources: sourceIds.map((s) => ({ sourceId: s, ref: `X/${id}` })), patientKey: 'k', key: id, codes: [], active: false, ...fields };
}

function summaryOf(rows: Partial<Record<SectionId, SummaryRow[]>>): Summary {
  return { patientKey: 'k', banner: { patientKey: 'k' }, sections: { ...emptySections(() => []), ...rows }, incomplete: {}, sourceIds: ['gp', 'acute'] };
}

const summary = summaryOf({
  encounters: [
    row('e1', 'Emergency admission', { date: '2025-01-10', end: '2025-01-16', detail: 'inpatient encounter' }, ['acute']),
    row('e2', 'GP surgery consultation', { date: '2026-10-01', detail: 'ambulatory' }),
  ],
  procedures: [row('p1', 'Colonoscopy', { date: '2022-03-04' }, ['acute'])],
  documents: [row('d1', 'Discharge summary', { date: '2025-01-16' }, ['acute', 'gp'])],
  medications: [row('m1', 'Ramipril', { date: '2016-05-19', end: '2024-02-12', status: 'stopped' }), row('m2', 'Metformin', { date: '2020-01-02', active: true, status: 'active' })],
  results: [row('r1', 'HbA1c', { result: { namesAsSent: [], points: [
    { at: '2026-06-01T09:00:00Z', display: '72 mmol/mol', flag: 'High', sources: [{ sourceId: 'gp', ref: 'Observation/1' }] },
    { at: '2025-12-01T09:00:00Z', display: '44 mmol/mol', sources: [{ sourceId: 'gp', ref: 'Observation/2' }] },
  ] } })],
  problems: [row('c1', 'Diabetes', { date: '2019-01-01' })],
});

describe('timeline', () => {
  const events = timelineEvents(summary);

  it('lists every kind of event newest first, admissions apart from other encounters', () => {
    expect(events.map((e) => [e.date, e.kind, e.text])).toEqual([
      ['2026-10-01', 'encounter', 'GP surgery consultation'],
      ['2026-06-01', 'result', 'HbA1c'],
      ['2025-01-16', 'document', 'Discharge summary'],
      ['2025-01-10', 'admission', 'Emergency admission'],
      ['2024-02-12', 'medicine-stopped', 'Ramipril'],
      ['2022-03-04', 'procedure', 'Colonoscopy'],
      ['2020-01-02', 'medicine-started', 'Metformin'],
      ['2016-05-19', 'medicine-started', 'Ramipril'],
    ]);
    expect(events[1]!.detail).toBe('72 mmol/mol (High)');
    expect(events.every((e) => e.patientKey === 'k')).toBe(true);
  });

  it('does not depend on the order the sources sent', () => {
    const reversed = summaryOf(Object.fromEntries(Object.entries(summary.sections).map(([id, rows]) => [id, [...rows].reverse()])));
    expect(timelineEvents(reversed)).toEqual(events);
  });

  it('shows a silence of more than six months as a gap between its two events', () => {
    const list = withGaps(events);
    const gaps = list.filter((e) => e.type === 'gap');
    expect(gaps.map((g) => [g.from, g.to])).toEqual([
      ['2025-01-16', '2026-06-01'],
      ['2024-02-12', '2025-01-10'],
      ['2022-03-04', '2024-02-12'],
      ['2020-01-02', '2022-03-04'],
      ['2016-05-19', '2020-01-02'],
    ]);
    expect(list.indexOf(gaps[0]!)).toBe(2);
  });

  it('filters by source (any of an event\'s sources) and by type', () => {
    expect(filterTimeline(events, { sources: new Set(['acute']) }).map((e) => e.text)).toEqual(['Discharge summary', 'Emergency admission', 'Colonoscopy']);
    expect(filterTimeline(events, { kinds: new Set(['medicine-started', 'medicine-stopped'] as const) }).map((e) => e.kind)).toEqual(['medicine-stopped', 'medicine-started', 'medicine-started']);
  });
});
