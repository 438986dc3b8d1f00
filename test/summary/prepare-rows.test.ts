import { describe, expect, it } from 'vitest';
import { buildSourceSummary, prepareRows } from '@/lib/summary/source-summary';
import { hollowayContext, hollowayPatient, hollowayResources, okaforContext } from '../fixtures';

const build = (sourceId: string, patientKey: string) => buildSourceSummary({ sourceId, patientKey, patient: hollowayPatient, resources: hollowayResources });

describe('rows built page by page as results arrive', () => {
  it('are the rows the summary is built from, not built again', () => {
    const resources = hollowayResources.map((r) => ({ ...r }));
    prepareRows({ sourceId: 'gp', patientKey: hollowayContext.key }, resources);
    const first = buildSourceSummary({ sourceId: 'gp', patientKey: hollowayContext.key, patient: hollowayPatient, resources });
    const again = buildSourceSummary({ sourceId: 'gp', patientKey: hollowayContext.key, patient: hollowayPatient, resources });
    expect(again.sections.allergies[0]).toBe(first.sections.allergies[0]);
    expect(first).toEqual(build('gp', hollowayContext.key));
  });

  it('are never lent to another source or another patient', () => {
    prepareRows({ sourceId: 'gp', patientKey: hollowayContext.key }, hollowayResources);
    const acute = build('acute', hollowayContext.key).sections.allergies[0]!;
    expect(acute.sourceId).toBe('acute');
    expect(acute.id.startsWith('acute/')).toBe(true);
    const other = build('gp', okaforContext.key).sections.allergies[0]!;
    expect(other.patientKey).toBe(okaforContext.key);
  });
});
