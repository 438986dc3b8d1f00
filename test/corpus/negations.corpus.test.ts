/**
 * "No known …" statements on public data: R4 AllergyIntolerance/nka, nkda (Patient/mom) and nkla
 * (Patient/example), IPS Bundle-01's "no known food allergy". Statements, never findings; a
 * conflict only where the statement truly contradicts an allergy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FhirResource } from '@/lib/fhir/resource';
import { applyLens } from '@/lib/summary/lens';
import { summaryAsText } from '@/lib/summary/plain-text';
import type { SummaryRow } from '@/lib/summary/model';
import { ipsBundle, r4Patient, type CorpusRecord, summaryOf } from './corpus';

const r4 = (file: string) => JSON.parse(readFileSync(join(process.cwd(), 'node_modules/hl7.fhir.r4.examples', file), 'utf8')) as FhirResource;
const example = r4Patient('example');
const bundle01 = ipsBundle('Bundle-IPS-examples-Bundle-01');

/** R4 AllergyIntolerance/nka or nkda (recorded for Patient/mom), as a second source's record of `patient`. */
const statementFor = (file: string, patient: FhirResource): CorpusRecord => ({
  patient,
  resources: [{ ...r4(file), patient: { reference: `Patient/${patient.id}` } }],
});

const penicillin = (rows: readonly SummaryRow[]) => rows.find((r) => r.text === 'Substance with penicillin structure (substance)')!;

describe('statements are not findings', () => {
  it('R4 Patient/example: "No known latex allergy" is a statement, not counted, not alerting, and no conflict with the fish allergy', () => {
    const summary = summaryOf({ gp: example });
    const nkla = summary.sections.allergies.find((r) => r.sources[0]!.ref === 'AllergyIntolerance/nkla')!;
    expect(nkla).toMatchObject({ text: 'No known latex allergy', statement: { scope: 'latex-allergy', kind: 'none-known' } });
    expect(nkla.alert).toBeFalsy();
    expect(nkla.conflict).toBeUndefined();
    // Cashew nuts, penicillin G and fish are the allergies; the statement is not a fourth.
    expect(summary.sections.allergies.filter((r) => !r.statement).map((r) => r.text).sort()).toEqual(['Allergic to fresh fish. Tolerates canned fish', 'Cashew nuts', 'Penicillin G']);
  });

  it('is copied as a statement with when it was recorded', () => {
    const summary = summaryOf({ gp: example });
    const text = summaryAsText(summary, applyLens(summary, 'general'), { gp: 'GP' }, 'now');
    expect(text).toContain('- No known latex allergy - recorded 06-Aug-2015 [GP]');
    expect(text).toContain('Allergies and intolerances (3):');
  });

  it('IPS Bundle-01: "No known food allergy" does not contradict the penicillin allergy', () => {
    const allergies = summaryOf({ gp: bundle01 }).sections.allergies;
    const food = allergies.find((r) => r.statement)!;
    expect(food).toMatchObject({ text: 'No known food allergy', statement: { scope: 'food-allergy' } });
    expect(food.conflict).toBeUndefined();
    expect(penicillin(allergies).alert).toBe(true);
  });
});

describe('a conflict only where a statement truly contradicts', () => {
  it('NKDA (R4 nkda) from one source against IPS Bundle-01\'s penicillin allergy from another: a conflict', () => {
    const summary = summaryOf({ gp: bundle01, acute: statementFor('AllergyIntolerance-nkda.json', bundle01.patient) });
    const nkda = summary.sections.allergies.find((r) => r.statement?.scope === 'drug-allergy')!;
    expect(nkda.conflict?.with).toEqual([penicillin(summary.sections.allergies).id]);
    expect(nkda.conflict?.reason).toBe('Another source records an allergy');
  });

  it('"No known allergy" (R4 nka) against the same penicillin allergy: a conflict', () => {
    const summary = summaryOf({ gp: bundle01, acute: statementFor('AllergyIntolerance-nka.json', bundle01.patient) });
    expect(summary.sections.allergies.find((r) => r.statement?.scope === 'allergy')?.conflict).toBeDefined();
  });

  it('NKDA against a penicillin allergy the source entered in error: no conflict, and the allergy is only under removed', () => {
    const withdrawn: CorpusRecord = {
      ...bundle01,
      resources: bundle01.resources.map((r) => (r.resourceType === 'AllergyIntolerance' && r.id === '72884cad-ebe6-4f43-a51a-2f978275f132'
        ? { ...r, clinicalStatus: undefined, verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'entered-in-error' }] } }
        : r)),
    };
    const summary = summaryOf({ gp: withdrawn, acute: statementFor('AllergyIntolerance-nkda.json', bundle01.patient) });
    expect(summary.sections.allergies.every((r) => r.conflict === undefined)).toBe(true);
    expect(summary.removed?.allergies?.map((r) => r.text)).toEqual(['Substance with penicillin structure (substance)']);
  });

  it('NKDA from two sources is one statement with two sources', () => {
    const summary = summaryOf({ gp: statementFor('AllergyIntolerance-nkda.json', example.patient), acute: statementFor('AllergyIntolerance-nkda.json', example.patient) });
    expect(summary.sections.allergies).toHaveLength(1);
    expect(summary.sections.allergies[0]!.sources.map((s) => s.sourceId)).toEqual(['acute', 'gp']);
  });
});
