import { afterEach, describe, expect, it } from 'vitest';
import { hopMark } from '@/lib/platform/hop-mark';

describe('hop marks', () => {
  afterEach(() => performance.clearMarks());

  it('marks each hop under its fhirside name, for the bench to read', () => {
    hopMark('tab-report-received');
    hopMark('tab-report-received');
    expect(performance.getEntriesByName('fhirside:tab-report-received')).toHaveLength(2);
  });

  it('never keeps more than a bench run reads: a background living all shift does not grow', () => {
    for (let i = 0; i < 1000; i++) hopMark('tab-report-published');
    const kept = performance.getEntriesByName('fhirside:tab-report-published').length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(200);
  });
});
