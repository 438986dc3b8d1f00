// A record whose content the source withheld (`code` coded data-absent-reason `masked`, as the
// sandbox's mask-entered-in-error rule and Oracle Health send a retracted record): the row says
// the name was withheld by the source, it stays among the removed records, and it merges with nothing.
import { describe, expect, it } from 'vitest';
import { buildSourceSummary } from '@/lib/summary/source-summary';
import { conceptText } from '@/lib/summary/codeable-text';
import type { FhirResource } from '@/lib/fhir/resource';

const MASKED = { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' }] };
const enteredInError = (system: string) => ({ coding: [{ system, code: 'entered-in-error' }] });
const allergy = (id: string): FhirResource => ({ resourceType: 'AllergyIntolerance', id, patient: { reference: 'Patient/p' }, verificationStatus: enteredInError('http://terminology.hl7.org/CodeSystem/allergyintolerance-verification'), code: MASKED });
const problem = (id: string): FhirResource => ({ resourceType: 'Condition', id, subject: { reference: 'Patient/p' }, verificationStatus: enteredInError('http://terminology.hl7.org/CodeSystem/condition-ver-status'), code: MASKED });

describe('a record the source withheld', () => {
  it('reads "withheld by the source", never "not recorded"', () => {
    expect(conceptText(MASKED, 'Allergy (substance not recorded)')).toBe('Allergy (withheld by the source)');
    expect(conceptText({ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'unknown' }] }, 'Problem (not named)')).toBe('Problem (not named)');
  });

  it('is listed only among the removed records, each one apart', () => {
    const summary = buildSourceSummary({ sourceId: 'gp', patientKey: 'k', patient: { resourceType: 'Patient', id: 'p' }, resources: [allergy('a1'), allergy('a2'), problem('c1')] });
    expect(summary.sections.allergies).toEqual([]);
    expect(summary.sections.problems).toEqual([]);
    expect(summary.removed?.allergies?.map((r) => [r.text, r.removed?.words])).toEqual([['Allergy (withheld by the source)', 'entered in error'], ['Allergy (withheld by the source)', 'entered in error']]);
    expect(summary.removed?.problems?.map((r) => r.text)).toEqual(['Problem (withheld by the source)']);
  });
});
