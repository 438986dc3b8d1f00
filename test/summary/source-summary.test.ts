import { describe, expect, it } from 'vitest';
import { combineSources } from '@/lib/summary/combine';
import { conceptText } from '@/lib/summary/codeable-text';
import { buildSourceSummary } from '@/lib/summary/source-summary';
import { hollowayContext, hollowayPatient, hollowayResources, okaforContext } from '../fixtures';

const gp = () => buildSourceSummary({ sourceId: 'gp', patientKey: hollowayContext.key, patient: hollowayPatient, resources: hollowayResources });

describe("one source's summary", () => {
  it('builds the banner from the Patient', () => {
    expect(gp().banner).toEqual({
      patientKey: hollowayContext.key,
      family: 'Holloway',
      given: 'Susan Jane',
      prefix: 'Mrs',
      birthDate: '1962-03-14',
      gender: 'female',
      nhsNumber: '9990000018',
      deceasedDate: undefined,
    });
  });

  it('shows a high-criticality allergy with its reaction, flagged', () => {
    expect(gp().sections.allergies).toEqual([
      expect.objectContaining({ text: 'Penicillin', detail: 'Anaphylaxis · High criticality', alert: true, active: true, sourceId: 'gp', patientKey: hollowayContext.key }),
    ]);
  });

  it("drops a resource that references another patient (the server's mistake must not reach this banner)", () => {
    expect(gp().sections.problems.map((r) => r.text)).not.toContain('Belongs to another patient');
  });

  it('lists problems active first', () => {
    const combined = combineSources(hollowayContext.key, { patientKey: hollowayContext.key }, [gp()]);
    expect(combined.sections.problems.map((r) => [r.text, r.active])).toEqual([
      ['Carcinoma of left breast', true],
      ['Urinary tract infection', false],
    ]);
  });

  it("refuses a source summary made for another patient", () => {
    const combined = combineSources(okaforContext.key, { patientKey: okaforContext.key }, [gp()]);
    expect(combined.sections.allergies).toEqual([]);
    expect(combined.sourceIds).toEqual([]);
  });
});

describe('display text of a code', () => {
  it('prefers text, then SNOMED display, then any display, then the code itself', () => {
    expect(conceptText({ text: 'Asthma', coding: [{ display: 'x' }] }, '?')).toBe('Asthma');
    expect(conceptText({ coding: [{ system: 'other', display: 'Other' }, { system: 'http://snomed.info/sct', display: 'Asthma' }] }, '?')).toBe('Asthma');
    expect(conceptText({ coding: [{ system: 'http://snomed.info/sct', code: '195967001' }] }, '?')).toBe('195967001 (SNOMED CT)');
    expect(conceptText(undefined, 'Unnamed')).toBe('Unnamed');
    expect(conceptText({ text: 42, coding: 'nonsense' }, 'Unnamed')).toBe('Unnamed');
  });
});
