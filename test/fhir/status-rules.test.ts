/** The status rules of lib/fhir, one clause of the R4 specification each. */
import { describe, expect, it } from 'vitest';
import { readStatus } from '@/lib/fhir/status-rules';

const concept = (code: string) => ({ coding: [{ code }] });

describe('readStatus', () => {
  it('an allergy entered in error with no clinicalStatus (ait-2) is withdrawn, not active', () => {
    expect(readStatus({ resourceType: 'AllergyIntolerance', verificationStatus: concept('entered-in-error') })).toMatchObject({ removed: true, active: false });
  });

  it('a refuted condition is neither current nor withdrawn', () => {
    expect(readStatus({ resourceType: 'Condition', clinicalStatus: concept('active'), verificationStatus: concept('refuted') })).toMatchObject({ refuted: true, active: false, removed: false });
  });

  it('a condition sent with an abatement and no clinicalStatus is not current (con-4)', () => {
    expect(readStatus({ resourceType: 'Condition', abatementString: 'childhood' })).toMatchObject({ active: false, words: 'ended' });
  });

  it('a cancelled Observation is withdrawn; a cancelled Encounter is a real event', () => {
    expect(readStatus({ resourceType: 'Observation', status: 'cancelled' }).removed).toBe(true);
    expect(readStatus({ resourceType: 'Encounter', status: 'cancelled' })).toMatchObject({ removed: false, active: false, words: 'cancelled' });
  });

  it('an amended Observation is current and marked', () => {
    expect(readStatus({ resourceType: 'Observation', status: 'amended' })).toMatchObject({ active: true, words: 'amended' });
  });

  it('MedicationStatement intended and on-hold are current; not-taken is not', () => {
    expect(readStatus({ resourceType: 'MedicationStatement', status: 'intended' })).toMatchObject({ active: true, words: 'intended' });
    expect(readStatus({ resourceType: 'MedicationStatement', status: 'on-hold' })).toMatchObject({ active: true, words: 'on hold' });
    expect(readStatus({ resourceType: 'MedicationStatement', status: 'not-taken' })).toMatchObject({ active: false, words: 'not taken' });
  });

  it('a MedicationRequest that prohibits the medicine (doNotPerform) never reads as a prescription', () => {
    expect(readStatus({ resourceType: 'MedicationRequest', status: 'active', doNotPerform: true })).toMatchObject({ active: false, words: 'do not give' });
  });
});

describe('negationOf', () => {
  it('reads the IPS 2.0 "no known" situations and the IPS 1.x absent/unknown codes as statements', async () => {
    const { negationOf } = await import('@/lib/fhir/negations');
    expect(negationOf(['http://snomed.info/sct|787481004'], '')).toMatchObject({ scope: 'medication', kind: 'none-known' });
    expect(negationOf(['http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips|no-allergy-info'], '')).toMatchObject({ scope: 'allergy', kind: 'no-information' });
    expect(negationOf([], 'NKDA')).toMatchObject({ scope: 'drug-allergy' });
    expect(negationOf(['http://snomed.info/sct|764146007'], 'Penicillin')).toBeUndefined();
  });
});
