/**
 * Medicines named by reference, on public data: R4 Patient/pat1's prescriptions name their
 * medicine in a contained Medication (`#med0310`) or on the server (`Medication/med0316`); the IPS
 * examples in a Medication entry of the document. None may read "Medicine (not named)".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FhirResource } from '@/lib/fhir/resource';
import { applyLens } from '@/lib/summary/lens';
import type { SummaryRow } from '@/lib/summary/model';
import { IPS_BUNDLES, ipsBundle, r4Patient, summaryOf } from './corpus';

const r4 = (file: string) => JSON.parse(readFileSync(join(process.cwd(), 'node_modules/hl7.fhir.r4.examples', file), 'utf8')) as FhirResource;
const pat1 = r4Patient('pat1');
const rowOf = (rows: readonly SummaryRow[], ref: string) => rows.find((r) => r.sources.some((s) => s.ref === ref));

describe('medicines by reference are named', () => {
  it('R4 MedicationRequest/medrx0301 names its contained Medication #med0310: oral oxycodone', () => {
    const meds = summaryOf({ gp: pat1 }).sections.medications;
    expect(rowOf(meds, 'MedicationRequest/medrx0301')).toMatchObject({ text: 'Oral Form Oxycodone (product)' });
  });

  it('R4 Patient/pat1: no medicine is left unnamed once the server Medication med0316 is among the resources', () => {
    const withServerMedication = { ...pat1, resources: [...pat1.resources, r4('Medication-med0316.json')] };
    const meds = summaryOf({ gp: withServerMedication }).sections.medications;
    expect(meds.filter((r) => /not named/.test(r.text))).toEqual([]);
    // medrx002 names Medication/med0316 on the server: chlorthalidone 50 mg per tablet, its ingredient in More.
    const chlorthalidone = rowOf(meds, 'MedicationRequest/medrx002')!;
    expect(chlorthalidone).toMatchObject({ text: 'Chlorthalidone 50mg tablet (product)' });
    expect(chlorthalidone.detail).toContain('Tablet dose form (qualifier value) · 50 mg');
    expect(chlorthalidone.items).toContain('Ingredient: Chlorthalidone (substance) 50 mg');
  });

  it('without that Medication, the row says only what the reference itself says, and is merged with nothing', () => {
    const meds = summaryOf({ gp: pat1, acute: pat1 }).sections.medications;
    const row = rowOf(meds, 'MedicationRequest/medrx002')!;
    expect(row.text).toBe('prescribed medication');
  });

  it.each(IPS_BUNDLES)('IPS %s: every medicine has a name', (name) => {
    const meds = summaryOf({ gp: ipsBundle(name) }).sections.medications;
    expect(meds.filter((r) => /not named/.test(r.text))).toEqual([]);
  });

  it('IPS Bundle-01: anastrozole, named from its Medication entry, is the cancer lens\'s treatment', () => {
    const summary = summaryOf({ gp: ipsBundle('Bundle-IPS-examples-Bundle-01') });
    const anastrozole = summary.sections.medications.find((r) => r.text === 'Product containing anastrozole (medicinal product)')!;
    expect(anastrozole.tags).toContain('cancer-treatment');
    const treatments = applyLens(summary, 'cancer').focus.flatMap((g) => g.rows);
    expect(treatments.map((r) => r.id)).toContain(anastrozole.id);
  });
});

describe('nothing unnamed merges', () => {
  it('two medicines a source sent with no name at all stay two rows, at one source or across two', () => {
    const unnamed = pat1.resources
      .filter((r) => r.resourceType === 'MedicationRequest')
      .slice(0, 2)
      .map(({ medicationCodeableConcept: _c, medicationReference: _r, contained: _x, ...r }) => r as FhirResource);
    const record = { patient: pat1.patient, resources: unnamed };
    expect(summaryOf({ gp: record }).sections.medications).toHaveLength(2);
    expect(summaryOf({ gp: record, acute: { ...record, resources: [...unnamed].reverse() } }).sections.medications).toHaveLength(4);
  });
});
