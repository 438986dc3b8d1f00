/**
 * Statuses on public data: what the FHIR says, read from the R4 and IPS example records, is what
 * the summary shows. Expectations come from reading the resources, not from the panel.
 */
import { describe, expect, it } from 'vitest';
import type { FhirResource } from '@/lib/fhir/resource';
import type { Summary, SummaryRow } from '@/lib/summary/model';
import { ipsBundle, r4Patient, summaryOf, type CorpusRecord } from './corpus';

const example = r4Patient('example');
const pat1 = r4Patient('pat1');
const f201 = r4Patient('f201');
const allSections = ipsBundle('Bundle-bundle-ips-all-sections');

const rowsNamed = (summary: Summary, section: keyof Summary['sections'], text: string) => summary.sections[section].filter((r) => r.text === text);
const refs = (rows: readonly SummaryRow[]) => rows.flatMap((r) => r.sources.map((s) => s.ref));
/** A public record with one resource changed as another source might send it. */
const withChanged = (record: CorpusRecord, ref: string, change: (r: FhirResource) => FhirResource): CorpusRecord => ({
  ...record,
  resources: record.resources.map((r) => (`${r.resourceType}/${r.id}` === ref ? change(r) : r)),
});
const verification = (code: string) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code }] });

describe('entered-in-error and cancelled records are never facts', () => {
  it('R4 Patient/example: the cancelled blood pressure is no value of the series, only a removed record', () => {
    const summary = summaryOf({ gp: example });
    const bp = rowsNamed(summary, 'vitals', 'Blood pressure');
    expect(refs(bp)).not.toContain('Observation/blood-pressure-cancel');
    expect(bp[0]!.result!.points.map((p) => p.display)).toEqual(['107/60 mmHg', '107/– mmHg (diastolic not recorded)']);
    expect(summary.removed?.vitals?.map((r) => [r.sources[0]!.ref, r.removed?.words])).toEqual([['Observation/blood-pressure-cancel', 'cancelled']]);
  });

  it('R4 Patient/f201: the temperature entered in error is not a vital sign, and is listed as removed', () => {
    const summary = summaryOf({ gp: f201 });
    expect(refs(summary.sections.vitals)).not.toContain('Observation/f202');
    expect(summary.removed?.vitals?.map((r) => [r.text, r.removed?.words])).toEqual([['Temperature', 'entered in error']]);
  });

  it('R4 Patient/pat1: the amoxicillin statement entered in error is not among the medicines', () => {
    const summary = summaryOf({ gp: pat1 });
    expect(refs(summary.sections.medications)).not.toContain('MedicationStatement/example005');
    expect(summary.removed?.medications?.map((r) => r.sources[0]!.ref)).toEqual(['MedicationStatement/example005']);
  });

  it('an allergy entered in error (verificationStatus, no clinicalStatus as ait-2 requires) is withdrawn, not active', () => {
    const changed = withChanged(example, 'AllergyIntolerance/example', ({ clinicalStatus: _gone, ...r }) => ({ ...r, verificationStatus: verification('entered-in-error') }));
    const summary = summaryOf({ gp: changed });
    expect(refs(summary.sections.allergies)).not.toContain('AllergyIntolerance/example');
    expect(summary.removed?.allergies?.[0]).toMatchObject({ text: 'Cashew nuts', active: false, removed: { words: 'entered in error' } });
    expect(summary.removed?.allergies?.[0]?.alert).toBeUndefined();
  });
});

describe('refuted, resolved and remission', () => {
  it('a refuted cashew allergy (R4 AllergyIntolerance/example, high criticality) is shown as refuted and never alerts', () => {
    const summary = summaryOf({ gp: withChanged(example, 'AllergyIntolerance/example', (r) => ({ ...r, verificationStatus: verification('refuted') })) });
    const [cashew] = rowsNamed(summary, 'allergies', 'Cashew nuts');
    expect(cashew).toMatchObject({ status: 'refuted', active: false });
    expect(cashew!.alert).toBeFalsy();
    expect(summaryOf({ gp: example }).sections.allergies.find((r) => r.text === 'Cashew nuts')?.alert).toBe(true);
  });

  it('R4 Patient/f201: resolved and inactive problems are not current; the abatement given as an age is said', () => {
    const problems = summaryOf({ gp: f201 }).sections.problems;
    const cancer = problems.find((r) => r.text === 'Malignant neoplastic disease')!;
    expect(cancer).toMatchObject({ active: false, status: 'resolved' });
    expect(cancer.detail).toContain('Onset age 52 years');
    expect(cancer.detail).toContain('Ended age 54 years');
    expect(problems.find((r) => r.text === 'Fever')).toMatchObject({ active: false, status: 'resolved' });
    expect(problems.find((r) => r.text === 'Bacterial sepsis')).toMatchObject({ active: true });
  });

  it('IPS Bundle-01: breast cancer in remission is not current but is still the cancer lens\'s diagnosis', () => {
    const cancer = summaryOf({ gp: ipsBundle('Bundle-IPS-examples-Bundle-01') }).sections.problems.find((r) => r.text === 'Malignant tumor of breast')!;
    expect(cancer).toMatchObject({ active: false, status: 'remission' });
    expect(cancer.tags).toContain('cancer-diagnosis');
  });
});

describe('medicines, immunisations and procedures by their status', () => {
  it('R4 Patient/pat1: on-hold medicines stay current and say so; completed ones are not current', () => {
    const meds = summaryOf({ gp: pat1 }).sections.medications;
    const nystatin = meds.filter((r) => r.text === 'Nystatin 100UNT/MG Topical Ointment');
    expect(nystatin.length).toBeGreaterThan(0);
    expect(nystatin.every((r) => r.active && r.status === 'on hold')).toBe(true);
    expect(meds.find((r) => r.text === 'Percocet tablet')).toMatchObject({ active: false, status: 'completed' });
  });

  it('IPS all-sections: the stopped cilazapril is not current', () => {
    const meds = summaryOf({ gp: allSections }).sections.medications;
    expect(meds.find((r) => r.text.startsWith('cilazapril'))).toMatchObject({ active: false, status: 'stopped' });
    expect(meds.find((r) => r.text.startsWith('lisinopril'))).toMatchObject({ active: true });
  });

  it('a medicine statement not taken is never a current medicine (R4 pat1 medicine, status not-taken)', () => {
    const summary = summaryOf({ gp: withChanged(pat1, 'MedicationStatement/example001', (r) => ({ ...r, status: 'not-taken' })) });
    const row = summary.sections.medications.find((r) => r.sources.some((s) => s.ref === 'MedicationStatement/example001'))!;
    expect(row).toMatchObject({ active: false, status: 'not taken' });
  });

  it('R4 Patient/example: the DTP vaccine not given reads "Not given"; the ambulation not done reads "Not done"', () => {
    const summary = summaryOf({ gp: example });
    expect(summary.sections.immunizations.find((r) => r.text === 'DTP')?.detail).toContain('Not given');
    expect(summary.sections.procedures.find((r) => r.text === 'Ambulation')?.detail).toContain('Not done');
  });
});

describe('family history filed as a Condition', () => {
  it('R4 Condition/family-history is shown as family history and never tagged as the patient\'s cancer', () => {
    const row = summaryOf({ gp: example }).sections.problems.find((r) => r.text === 'Family history of cancer of colon')!;
    expect(row.context).toBe('family-history');
    expect(row.tags ?? []).toEqual([]);
  });
});
