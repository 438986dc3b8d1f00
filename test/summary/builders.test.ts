import { describe, expect, it } from 'vitest';
import type { FhirResource } from '@/lib/fhir/resource';
import { carePlanRow, careTeamRow, documentRow, flagRow } from '@/lib/summary/rows-care';
import { encounterRow, immunizationRow, procedureRow } from '@/lib/summary/rows-events';
import { observationRow, reportRow } from '@/lib/summary/rows-results';
import { medicationRow } from '@/lib/summary/rows';
import { summaryOf } from '../fixtures/summary-cases';

const ctx = { sourceId: 'mh', patientKey: 'k' };
const subject = { reference: 'Patient/pt' };
const loinc = (code: string, display: string) => ({ coding: [{ system: 'http://loinc.org', code, display }] });

describe('observations', () => {
  it('shows a blood pressure as one value with its unit as sent', () => {
    const row = observationRow({ resourceType: 'Observation', id: 'bp', code: loinc('85354-9', 'Blood pressure panel'), effectiveDateTime: '2026-05-12T10:20:00Z',
      component: [{ code: loinc('8480-6', 'Systolic'), valueQuantity: { value: 142, unit: 'mmHg' } }, { code: loinc('8462-4', 'Diastolic'), valueQuantity: { value: 86, unit: 'mmHg' } }] }, ctx);
    expect(row).toMatchObject({ text: 'Blood pressure', date: '2026-05-12' });
    expect(row.result!.points[0]).toMatchObject({ display: '142/86 mmHg', value: 142, value2: 86, unit: 'mmHg' });
  });

  it('shows a coded answer, a missing value and a critical flag plainly', () => {
    expect(observationRow({ resourceType: 'Observation', code: loinc('21908-9', 'Stage group.clinical Cancer'), valueCodeableConcept: { text: 'Stage IIB' } }, ctx).result!.points[0]!.display).toBe('Stage IIB');
    expect(observationRow({ resourceType: 'Observation', code: { text: 'Potassium' }, dataAbsentReason: { text: 'Haemolysed' } }, ctx).result!.points[0]!.display).toBe('No value: Haemolysed');
    const critical = observationRow({ resourceType: 'Observation', code: loinc('2823-3', 'Potassium'), valueQuantity: { value: 6.9, unit: 'mmol/L' }, interpretation: [{ coding: [{ code: 'HH' }] }] }, ctx);
    expect(critical).toMatchObject({ text: 'Potassium', alert: true });
    expect(critical.result!.points[0]!.flag).toBe('Critical high');
  });
});

describe('reports, alerts, plans, teams, documents', () => {
  it('names a report\'s results and keeps its conclusion', () => {
    const row = reportRow({ resourceType: 'DiagnosticReport', id: 'r', code: { text: 'Breast MDT outcome' }, conclusion: 'Plan: surgery.', result: [{ reference: 'Observation/t' }, { display: 'cN1' }] }, ctx, 0, (ref) => (ref === 'Observation/t' ? 'T: cT2' : undefined));
    expect(row).toMatchObject({ text: 'Breast MDT outcome', detail: 'Plan: surgery.', items: ['T: cT2', 'cN1'], tags: ['mdt-outcome'] });
  });

  it('makes an active flag an alert with its category, tagged for the mental-health lens', () => {
    const row = flagRow({ resourceType: 'Flag', status: 'active', category: [{ coding: [{ code: 'safety' }] }], code: { text: 'Risk to self' }, subject, period: { start: '2010-11-02' } }, ctx);
    expect(row).toMatchObject({ text: 'Risk to self', detail: 'Safety', alert: true, active: true, date: '2010-11-02', tags: ['risk-flag'] });
  });

  it('lists a care plan\'s activities and puts the care coordinator first in a team', () => {
    expect(carePlanRow({ resourceType: 'CarePlan', status: 'active', title: 'Crisis plan', activity: [{ detail: { description: 'Call the team' } }] }, ctx))
      .toMatchObject({ text: 'Crisis plan', items: ['Call the team'], tags: ['crisis-plan'] });
    const team = careTeamRow({ resourceType: 'CareTeam', name: 'CMHT', participant: [{ role: [{ text: 'Consultant' }], member: { display: 'Dr A' } }, { role: [{ text: 'Care coordinator' }], member: { display: 'Sam' } }] }, ctx);
    expect(team).toMatchObject({ detail: 'Care coordinator: Sam', items: ['Consultant: Dr A'], tags: ['care-coordinator'] });
  });

  it('reads a plain-text letter, never HTML', () => {
    const data = Buffer.from('Discharged home.\n', 'utf8').toString('base64');
    const row = documentRow({ resourceType: 'DocumentReference', status: 'current', description: 'Discharge summary', date: '2025-08-06T16:30:00Z', content: [{ attachment: { contentType: 'text/plain; charset=utf-8', data } }, { attachment: { contentType: 'text/html', data } }] }, ctx);
    expect(row).toMatchObject({ text: 'Discharge summary', date: '2025-08-06', body: 'Discharged home.\n' });
  });
});

describe('events and medicines', () => {
  it('says a vaccine was not given, and shows procedures and visits with their dates', () => {
    expect(immunizationRow({ resourceType: 'Immunization', status: 'not-done', vaccineCode: { text: 'MMR' }, occurrenceDateTime: '2020-05-05' }, ctx).detail).toBe('Not given');
    expect(procedureRow({ resourceType: 'Procedure', status: 'completed', code: { text: 'Chemotherapy cycle 1' }, performedDateTime: '2025-03-17T10:00:00Z' }, ctx))
      .toMatchObject({ date: '2025-03-17', tags: ['cancer-treatment'], active: false });
    expect(encounterRow({ resourceType: 'Encounter', status: 'finished', type: [{ text: 'Admission' }], serviceType: { text: 'Breast surgery' }, class: { display: 'inpatient' }, period: { start: '2025-08-05T09:00:00Z', end: '2025-08-06T17:00:00Z' } }, ctx))
      .toMatchObject({ text: 'Breast surgery', detail: 'Admission · inpatient', date: '2025-08-05', end: '2025-08-06' });
  });

  it('reads a MedicationStatement\'s period and dose', () => {
    expect(medicationRow({ resourceType: 'MedicationStatement', status: 'completed', medicationCodeableConcept: { text: 'Capecitabine' }, effectivePeriod: { start: '2024-07-08', end: '2024-12-30' }, dosage: [{ text: 'As directed' }] }, ctx))
      .toMatchObject({ text: 'Capecitabine', detail: 'As directed', date: '2024-07-08', end: '2024-12-30', active: false });
  });
});

describe('coverage', () => {
  it('says per source and section what came back: rows, nothing, or a failure with its reason', () => {
    const summary = summaryOf({ gp: [{ resourceType: 'Flag', id: 'f', status: 'active', code: { text: 'x' }, subject } as FhirResource] });
    expect(summary.coverage!['gp']!.alerts).toEqual({ state: 'returned', count: 1 });
    expect(summary.coverage!['gp']!.allergies).toEqual({ state: 'empty' });
  });
});
