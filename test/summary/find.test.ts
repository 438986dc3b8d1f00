import { describe, expect, it } from 'vitest';
import type { SummaryRow } from '@/lib/summary/model';
import { findInSections, rowMatches, findTerms } from '@/lib/summary/find';

const names = { gp: 'Riverside GP Practice', acute: 'St Elsewhere Acute Trust' };
function row(id: string, text: string, fields: Partial<SummaryRow> = {}, sourceIds = ['gp']): SummaryRow {
  return { id, text, sourceId: sourceIds[0]!, sources: sourceIds.map((s) => ({ sourceId: s, ref: `X/${id}` })), patientKey: 'k', key: id, codes: [], active: true, ...fields };
}

describe('find in record', () => {
  const penicillin = row('a', 'Penicillin', { detail: 'Anaphylaxis' });
  const metformin = row('m', 'Metformin 500mg tablets', { detail: 'Two tablets twice a day' }, ['acute']);
  const hba1c = row('r', 'HbA1c', { result: { namesAsSent: ['Haemoglobin A1c level'], points: [{ display: '72 mmol/mol', sources: [] }] } });

  it('matches every word in any order and case, across text, detail, names as sent and values', () => {
    expect(rowMatches(penicillin, findTerms('ANAPHYLAXIS penic'), names)).toBe(true);
    expect(rowMatches(metformin, findTerms('twice metformin'), names)).toBe(true);
    expect(rowMatches(hba1c, findTerms('haemoglobin'), names)).toBe(true);
    expect(rowMatches(hba1c, findTerms('72 mmol'), names)).toBe(true);
    expect(rowMatches(penicillin, findTerms('penicillin rash'), names)).toBe(false);
  });

  it('matches a source by its name', () => {
    expect(rowMatches(metformin, findTerms('elsewhere'), names)).toBe(true);
    expect(rowMatches(penicillin, findTerms('elsewhere'), names)).toBe(false);
  });

  it('narrows each section and keeps its count before narrowing; an empty query keeps all', () => {
    const sections = [{ id: 'allergies', rows: [penicillin] }, { id: 'medications', rows: [metformin] }];
    expect(findInSections(sections, 'metformin', names).map((s) => [s.id, s.rows.length, s.total])).toEqual([['allergies', 0, 1], ['medications', 1, 1]]);
    expect(findInSections(sections, '   ', names).map((s) => s.rows.length)).toEqual([1, 1]);
  });
});
