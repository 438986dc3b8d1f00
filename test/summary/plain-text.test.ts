import { describe, expect, it } from 'vitest';
import { applyLens } from '@/lib/summary/lens';
import { summaryAsText } from '@/lib/summary/plain-text';
import { sandboxSummary } from '../fixtures/sandbox-summary';

const names = { gp: 'Riverside GP Practice', acute: 'St Elsewhere Acute Trust' };

describe('copy as plain text', () => {
  const summary = sandboxSummary('p04');
  const text = summaryAsText(summary, applyLens(summary, 'general'), names, '10:32 on 26-Nov-2026');

  it('starts with the CUI banner and says where and when the summary came from', () => {
    expect(text.split('\n').slice(0, 3)).toEqual([
      'KHAN, Imran (Mr)',
      'Born 30-Nov-1968 | male | NHS No. 999 031 6775',
      'Summary from St Elsewhere Acute Trust, Riverside GP Practice, 10:32 on 26-Nov-2026',
    ]);
  });

  it('lists allergies first, names every source, and spells out conflicts', () => {
    expect(text.indexOf('Allergies and intolerances')).toBeLessThan(text.indexOf('Problems'));
    expect(text).toContain('- Diabetes mellitus type 2 - 10-Mar-2014 [St Elsewhere Acute Trust, Riverside GP Practice]');
    expect(text).toMatch(/- Metformin 500mg tablets - Two tablets \(1 g\) twice a day with meals - 16-Jan-2025 \[St Elsewhere Acute Trust\] CONFLICT: Sources disagree on the dose/);
    expect(text).toMatch(/- HbA1c - \d+ mmol\/mol/);
  });

  it('includes the lens focus groups, saying when one is empty', () => {
    const cancer = summaryAsText(summary, applyLens(summary, 'cancer'), names, 'now');
    expect(cancer).toContain('Tumour markers:\n- None found in the sources that answered');
  });
});
