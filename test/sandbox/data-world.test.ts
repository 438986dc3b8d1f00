// The synthetic world's invariants: valid test-range NHS numbers, determinism, references that
// resolve, and the stories the extension's tests depend on.
import { describe, expect, it } from 'vitest';
import type { MedicationRequest, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { NHS_NUMBER_SYSTEM, SOURCES, type SourceId } from '../../sandbox/config';
import { generateSourceResources } from '../../sandbox/data/generate';
import { ROSTER } from '../../sandbox/data/roster';
import { TODAY } from '../../sandbox/data/clock';

const world = Object.fromEntries(SOURCES.map((s) => [s.id, generateSourceResources(s.id)])) as Record<SourceId, Resource[]>;
const ofType = <T extends Resource>(id: SourceId, type: T['resourceType']) => world[id].filter((r): r is T => r.resourceType === type);
const nhsNumber = (p: Patient) => p.identifier?.find((i) => i.system === NHS_NUMBER_SYSTEM)?.value;

function mod11Valid(nhs: string): boolean {
  if (!/^\d{10}$/.test(nhs)) return false;
  const sum = [...nhs.slice(0, 9)].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  return check !== 10 && (check === 11 ? 0 : check) === Number(nhs[9]);
}

function references(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => references(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'reference' && typeof v === 'string') out.push(v);
      else references(v, out);
    }
  }
  return out;
}

describe('sandbox world', () => {
  it('gives every Patient a modulus-11 valid NHS number from the 999 test range', () => {
    const numbers = SOURCES.flatMap((s) => ofType<Patient>(s.id, 'Patient').map(nhsNumber));
    // One per roster patient per source it knows, plus the acute trust's duplicate registration.
    expect(numbers).toHaveLength(ROSTER.reduce((n, p) => n + p.sources.length, 0) + 1);
    for (const n of numbers) {
      expect(n).toMatch(/^999\d{7}$/);
      expect(mod11Valid(n ?? '')).toBe(true);
    }
    expect(ROSTER.every((p) => mod11Valid(p.nhsNumber))).toBe(true);
  });

  it('is identical for the same seed and different for another', () => {
    expect(JSON.stringify(generateSourceResources('acute', { seed: 7 }))).toBe(JSON.stringify(generateSourceResources('acute', { seed: 7 })));
    expect(JSON.stringify(generateSourceResources('gp', { seed: 7 }))).not.toBe(JSON.stringify(generateSourceResources('gp', { seed: 8 })));
  });

  it('generates the whole world in well under two seconds', () => {
    const start = performance.now();
    for (const s of SOURCES) generateSourceResources(s.id);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it.each(SOURCES.map((s) => s.id))('resolves every reference within the %s source', (id) => {
    const ids = new Set(world[id].map((r) => `${r.resourceType}/${r.id ?? ''}`));
    // A `#id` reference resolves to a resource contained in the one that makes it.
    const containedIn = (r: Resource) => new Set(((r as { contained?: Resource[] }).contained ?? []).map((c) => `#${c.id ?? ''}`));
    const dangling = world[id].flatMap((r) => references(r).filter((ref) => !ids.has(ref) && !containedIn(r).has(ref)));
    expect(dangling).toEqual([]);
    expect(new Set(ids).size).toBe(world[id].length);
  });

  it('names a medicine by a Medication reference (p05 at the GP) and one by a contained Medication (p13 at the GP), as real systems do', () => {
    const requests = ofType<MedicationRequest>('gp', 'MedicationRequest');
    const p05 = requests.find((m) => m.subject?.reference === 'Patient/p05-gp' && m.medicationReference);
    const medication = world.gp.find((r) => `${r.resourceType}/${r.id ?? ''}` === p05?.medicationReference?.reference);
    expect(medication).toMatchObject({ resourceType: 'Medication', code: { text: 'Amlodipine 5mg tablets' } });
    const p13 = requests.find((m) => m.subject?.reference === 'Patient/p13-gp' && m.medicationReference);
    expect(p13?.medicationReference?.reference).toBe('#med1');
    expect(p13?.contained).toEqual([expect.objectContaining({ resourceType: 'Medication', id: 'med1', code: expect.objectContaining({ text: 'Salbutamol 100micrograms/dose inhaler CFC free' }) })]);
  });

  it('stamps every resource with a meta.lastUpdated no later than the sandbox today', () => {
    for (const r of SOURCES.flatMap((s) => world[s.id])) {
      expect(r.meta?.lastUpdated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect((r.meta?.lastUpdated ?? '').slice(0, 10) <= TODAY).toBe(true);
    }
  });

  it('holds at least 10,000 Observations for p10 at the acute trust', () => {
    const count = ofType<Observation>('acute', 'Observation').filter((o) => o.subject?.reference === 'Patient/p10-acute').length;
    expect(count).toBeGreaterThanOrEqual(10_000);
  });

  it('holds two Patients with one NHS number but different MRNs for p09 at the acute trust', () => {
    const p09 = ofType<Patient>('acute', 'Patient').filter((p) => nhsNumber(p) === '9990791910');
    expect(p09.map((p) => p.id).sort()).toEqual(['p09-acute', 'p09-acute-dup']);
    const mrns = p09.map((p) => p.identifier?.find((i) => i.system === SOURCES[1]?.mrnSystem)?.value);
    expect(new Set(mrns).size).toBe(2);
    expect(world.acute.some((r) => JSON.stringify(r).includes('"Patient/p09-acute-dup"') && r.resourceType !== 'Patient')).toBe(true);
  });

  it('records the same diabetes and statin at GP and hospital, with one metformin dose conflict', () => {
    const meds = (id: SourceId) => ofType<MedicationRequest>(id, 'MedicationRequest').filter((m) => m.subject?.reference === `Patient/p04-${id}`);
    const metformin = (id: SourceId) => meds(id).find((m) => m.medicationCodeableConcept?.text === 'Metformin 500mg tablets');
    const gp = metformin('gp');
    const acute = metformin('acute');
    expect(gp?.medicationCodeableConcept?.coding?.[0]?.code).toBe(acute?.medicationCodeableConcept?.coding?.[0]?.code);
    expect(gp?.dosageInstruction?.[0]?.text).toMatch(/One tablet twice a day/);
    expect(acute?.dosageInstruction?.[0]?.text).toMatch(/Two tablets \(1 g\) twice a day/);
    const statin = (id: SourceId) => meds(id).find((m) => m.medicationCodeableConcept?.text?.startsWith('Simvastatin'))?.dosageInstruction?.[0]?.text;
    expect(statin('gp')).toBe(statin('acute'));
    const diabetes = (id: SourceId) => world[id].filter((r) => r.resourceType === 'Condition' && JSON.stringify(r).includes('"44054006"') && JSON.stringify(r).includes(`Patient/p04-${id}`));
    expect(diabetes('gp')).toHaveLength(1);
    expect(diabetes('acute')).toHaveLength(1);
  });

  it('codes HbA1c in LOINC at the GP and in SNOMED CT at the acute trust', () => {
    const hba1c = (id: SourceId) => ofType<Observation>(id, 'Observation').filter((o) => o.subject?.reference === `Patient/p04-${id}` && o.valueQuantity?.unit === 'mmol/mol');
    expect(hba1c('gp').length).toBeGreaterThan(10);
    expect(hba1c('gp').every((o) => o.code.coding?.[0]?.system === 'http://loinc.org' && o.code.coding[0].code === '4548-4')).toBe(true);
    expect(hba1c('acute').length).toBeGreaterThan(0);
    expect(hba1c('acute').every((o) => o.code.coding?.[0]?.system === 'http://snomed.info/sct')).toBe(true);
  });

  it('knows p08 at the GP only', () => {
    expect(ofType<Patient>('gp', 'Patient').some((p) => p.id === 'p08-gp')).toBe(true);
    for (const id of ['acute', 'mh'] as const) expect(JSON.stringify(world[id])).not.toContain('p08-');
  });

  it('covers the safety cases: high-criticality penicillin allergy, no known allergies, a deceased patient', () => {
    const allergies = SOURCES.flatMap((s) => world[s.id]).filter((r) => r.resourceType === 'AllergyIntolerance');
    expect(allergies.some((a) => JSON.stringify(a).includes('"764146007"') && (a as { criticality?: string }).criticality === 'high')).toBe(true);
    expect(allergies.some((a) => JSON.stringify(a).includes('"716186003"'))).toBe(true);
    expect(ofType<Patient>('acute', 'Patient').find((p) => p.id === 'p07-acute')?.deceasedDateTime).toBe('2026-08-19T04:10:00Z');
  });

  it('stages both cancers and holds an MDT outcome and a crisis plan', () => {
    const staged = world.acute.filter((r) => r.resourceType === 'Condition' && (r as { stage?: unknown[] }).stage?.length);
    expect(staged.map((c) => (c as { subject?: { reference?: string } }).subject?.reference).sort()).toEqual(['Patient/p01-acute', 'Patient/p02-acute']);
    expect(JSON.stringify(world.acute)).toContain('Breast MDT outcome');
    expect(world.mh.some((r) => r.resourceType === 'CarePlan' && JSON.stringify(r).includes('Patient/p03-mh'))).toBe(true);
    expect(world.mh.some((r) => r.resourceType === 'Flag' && JSON.stringify(r).includes('Patient/p03-mh'))).toBe(true);
  });
});
