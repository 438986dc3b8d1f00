import { describe, expect, it } from 'vitest';
import type { FhirResource } from '@/lib/fhir/resource';
import { groupMedicines } from '@/lib/summary/medicine-groups';
import { medicationRow } from '@/lib/summary/rows';

const ctx = { sourceId: 'gp', patientKey: 'k' };
const COURSE = 'http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy';
const TODAY = '2026-11-26';

function request(id: string, name: string, extra: Record<string, unknown>): FhirResource {
  return { resourceType: 'MedicationRequest', id, status: 'active', intent: 'order', medicationCodeableConcept: { text: name }, dosageInstruction: [{ text: 'One daily' }], ...extra };
}
const course = (code: string, system = COURSE) => ({ courseOfTherapyType: { coding: [{ system, code }] } });

describe('UK prescribing facts', () => {
  it('reads repeat, last issue, review date, issues and quantity from UK Core', () => {
    const row = medicationRow(request('m', 'Amlodipine 5mg tablets', {
      ...course('continuous'),
      dispenseRequest: { quantity: { value: 28, unit: 'tablet' } },
      extension: [
        { url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationStatementLastIssueDate', valueDateTime: '2026-11-03' },
        { url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationRepeatInformation', extension: [
          { url: 'numberOfPrescriptionsIssued', valueUnsignedInt: 7 },
          { url: 'authorisationExpiryDate', valueDateTime: '2027-05-01T00:00:00Z' },
        ] },
      ],
    }), ctx);
    expect(row.prescription).toEqual({ course: 'repeat', lastIssued: '2026-11-03', reviewDate: '2027-05-01', quantity: '28 tablet', issues: 7 });
  });

  it('maps NHS England repeat dispensing and the retired prescription-type extension', () => {
    expect(medicationRow(request('a', 'X', course('continuous-repeat-dispensing', 'https://fhir.nhs.uk/CodeSystem/medicationrequest-course-of-therapy')), ctx).prescription?.course).toBe('repeat-dispensing');
    const legacy = request('b', 'Y', { extension: [{ url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-PrescriptionType', valueCodeableConcept: { coding: [{ code: 'delayed-prescribing' }] } }] });
    expect(medicationRow(legacy, ctx).prescription?.course).toBe('acute');
  });

  it('says nothing when the source sent nothing, and ignores wrong types', () => {
    expect(medicationRow(request('c', 'Z', {}), ctx).prescription).toBeUndefined();
    const junk = request('d', 'Z', { courseOfTherapyType: 'continuous', dispenseRequest: { quantity: { value: '28' } }, extension: [{ url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationRepeatInformation', extension: 'x' }] });
    expect(medicationRow(junk, ctx).prescription).toBeUndefined();
  });
});

describe('medicine groups', () => {
  const rows = [
    request('r1', 'Simvastatin 40mg tablets', course('continuous')),
    request('r2', 'Amlodipine 5mg tablets', course('continuous')),
    request('a1', 'Amoxicillin 500mg capsules', { ...course('acute'), status: 'completed', authoredOn: '2026-10-02' }),
    request('a2', 'Prednisolone 5mg tablets', { ...course('acute'), status: 'completed', authoredOn: '2026-03-10' }),
    request('a3', 'Trimethoprim 200mg tablets', { ...course('acute'), status: 'completed', authoredOn: '2024-06-01' }),
    request('s1', 'Ramipril 2.5mg capsules', { ...course('continuous'), status: 'stopped', dispenseRequest: { validityPeriod: { start: '2020-01-01', end: '2026-08-20' } } }),
    request('s2', 'Sertraline 50mg tablets', { ...course('continuous'), status: 'stopped', dispenseRequest: { validityPeriod: { start: '2019-01-01', end: '2021-03-15' } } }),
    { resourceType: 'MedicationStatement', id: 'u1', status: 'active', medicationCodeableConcept: { text: 'Methotrexate 2.5mg tablets' } },
  ].map((r) => medicationRow(r, ctx));
  const groups = groupMedicines(rows, TODAY);
  const names = (list: readonly { text: string }[]) => list.map((r) => r.text.split(' ')[0]);

  it('puts current repeats first by name, then acutes of the last 12 months newest first', () => {
    expect(names(groups.repeats)).toEqual(['Amlodipine', 'Simvastatin']);
    expect(names(groups.acutes)).toEqual(['Amoxicillin', 'Prednisolone']);
  });

  it('keeps what was stopped in the last 6 months apart, and everything older counted, not dropped', () => {
    expect(names(groups.recentlyStopped)).toEqual(['Ramipril']);
    expect(names(groups.earlier)).toEqual(['Trimethoprim', 'Sertraline']);
    expect(names(groups.unstated)).toEqual(['Methotrexate']);
    const all = Object.values(groups).flat();
    expect(all).toHaveLength(rows.length);
  });

  it('keeps an acute still marked active in the acute group, however old', () => {
    const old = medicationRow(request('a4', 'Warfarin', { ...course('acute'), authoredOn: '2020-01-01' }), ctx);
    expect(groupMedicines([old], TODAY).acutes).toEqual([old]);
  });
});
