import { describe, expect, it } from 'vitest';
import type { FhirResource } from '@/lib/fhir/resource';
import { combineSources } from '@/lib/summary/combine';
import { buildSourceSummary } from '@/lib/summary/source-summary';
import { isTreatmentLimiting } from '@/lib/summary/treatment-limiting';
import { ipsAllSections, readExample } from '../corpus/examples';

const KEY = 'nhs:9990000239';

function summaryOf(resources: readonly FhirResource[], patientId: string, extra: { resultsSince?: string } = {}) {
  const patient = { resourceType: 'Patient', id: patientId };
  const one = buildSourceSummary({ sourceId: 'gp', patientKey: KEY, patient, resources, ...extra });
  return combineSources(KEY, { patientKey: KEY }, [one]);
}

const ips = () => {
  const resources = ipsAllSections();
  const patient = resources.find((r) => r.resourceType === 'Patient')!;
  return summaryOf(resources.filter((r) => r !== patient), patient.id!);
};

describe('nothing silent, on the IPS all-sections example', () => {
  it('puts its do-not-resuscitate Consent with the alerts, as a current decision that cannot be missed', () => {
    expect(ips().sections.decisions).toEqual([
      expect.objectContaining({ text: 'Not for resuscitation', detail: 'Do Not Resuscitate', active: true, alert: true, date: '2021-09-01' }),
    ]);
  });

  it('draws its hip prosthesis by the name of the Device the DeviceUseStatement points at', () => {
    expect(ips().sections.devices).toEqual([expect.objectContaining({ text: 'Hip prosthesis, device (physical object)', status: 'active', active: true })]);
  });

  it('counts what it returned but no section draws, by type, instead of dropping it', () => {
    // The Composition is the document's header: the patient's, but not a section of this summary.
    expect(ips().undrawn).toEqual({ gp: { Composition: 1 } });
  });

  it('never counts a referenced Device or Medication as undrawn: it is drawn through the row that names it', () => {
    expect(Object.keys(ips().undrawn?.['gp'] ?? {})).not.toContain('Device');
  });

  it('states the Observation horizon applied to a source', () => {
    const resources = ipsAllSections();
    const patient = resources.find((r) => r.resourceType === 'Patient')!;
    expect(summaryOf(resources, patient.id!, { resultsSince: '2021-12-02' }).resultsSince).toEqual({ gp: '2021-12-02' });
  });
});

describe('treatment-limiting decisions among R4 Consent examples', () => {
  it('draws none of the privacy consents of the R4 examples, and counts them instead', () => {
    const consent = readExample('hl7.fhir.r4.examples', 'Consent-consent-example-basic.json');
    expect(isTreatmentLimiting(consent)).toBe(false);
    const summary = summaryOf([consent], 'f001');
    expect(summary.sections.decisions).toEqual([]);
    expect(summary.undrawn).toEqual({ gp: { Consent: 1 } });
  });

  it('shows an advance decision recorded only in words, and a withdrawn one as no longer in force', () => {
    const base = { resourceType: 'Consent', id: 'adrt', patient: { reference: 'Patient/p1' }, dateTime: '2024-05-01', category: [{ text: 'Advance decision to refuse treatment' }] };
    const summary = summaryOf([{ ...base, status: 'active' }, { ...base, id: 'old', status: 'inactive' }], 'p1');
    expect(summary.sections.decisions.map((r) => [r.text, r.alert, r.detail])).toEqual([
      ['Advance decision to refuse treatment', true, undefined],
      ['Advance decision to refuse treatment', false, 'No longer in force'],
    ]);
  });
});

describe('family history', () => {
  it("shows the R4 mother's stroke in its own place, never among the patient's problems", () => {
    const summary = summaryOf([readExample('hl7.fhir.r4.examples', 'FamilyMemberHistory-mother.json')], '100');
    expect(summary.sections.familyhistory).toEqual([expect.objectContaining({ text: 'mother: Stroke', items: ['Stroke · onset at 56 yr'], codes: [] })]);
    expect(summary.sections.problems).toEqual([]);
    expect(summary.sections.familyhistory[0]?.tags).toBeUndefined();
  });
});
