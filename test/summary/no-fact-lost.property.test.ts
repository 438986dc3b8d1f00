/**
 * Property: whatever the sources send, every resource of the patient is owned by exactly one row,
 * and nothing of any other patient reaches the summary.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FhirResource } from '@/lib/fhir/resource';
import { combineSources } from '@/lib/summary/combine';
import { applyLens } from '@/lib/summary/lens';
import { SECTION_ORDER } from '@/lib/summary/model';
import { SUMMARY_RESOURCE_TYPES, buildSourceSummary } from '@/lib/summary/source-summary';

const KEY = 'https://fhir.nhs.uk/Id/nhs-number|9990000018';
const OTHER_KEY = 'https://fhir.nhs.uk/Id/nhs-number|9990158398';

const code = fc.constantFrom(
  { coding: [{ system: 'http://snomed.info/sct', code: '764146007' }] },
  { coding: [{ system: 'http://loinc.org', code: '4548-4' }] },
  { coding: [{ system: 'http://snomed.info/sct', code: '999791000000106' }] },
  { text: 'Chemotherapy cycle 1' },
  { coding: [{ system: 'https://dmd.nhs.uk', code: '325278007' }], text: 'Metformin' },
  {},
);
const date = fc.constantFrom(undefined, '2024', '2024-03-01', '2024-03-20', '2025-01-13T08:40:00Z', '2019-07-01');
const status = fc.constantFrom(undefined, 'active', 'resolved', 'stopped', 'completed', 'final', 'inactive', 'entered-in-error', 'cancelled');
const clinical = fc.constantFrom(undefined, { coding: [{ code: 'active' }] }, { coding: [{ code: 'resolved' }] });
const verification = fc.constantFrom(undefined, { coding: [{ code: 'confirmed' }] }, { coding: [{ code: 'refuted' }] }, { coding: [{ code: 'entered-in-error' }] });
const value = fc.option(fc.constantFrom(5, 64, 64.0, 7.9), { nil: undefined });

/** A loosely shaped resource of any summary type, for this patient or another. */
const resource = fc.record({
  resourceType: fc.constantFrom(...SUMMARY_RESOURCE_TYPES, 'Organization'),
  id: fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: undefined }),
  owner: fc.constantFrom('Patient/pt', 'Patient/pt', 'Patient/other', 'https://x.example/fhir/Patient/pt', undefined),
  code,
  date,
  status,
  clinical,
  verified: verification,
  value,
  dose: fc.constantFrom(undefined, 'One tablet', 'Two tablets', 'As directed'),
  category: fc.constantFrom(undefined, 'vital-signs', 'laboratory', 'RAD'),
}).map(({ resourceType, id, owner, code, date, status, clinical, verified, value, dose, category }): FhirResource => ({
  resourceType,
  ...(id ? { id } : {}),
  [resourceType === 'AllergyIntolerance' || resourceType === 'Immunization' ? 'patient' : 'subject']: owner ? { reference: owner } : undefined,
  code, vaccineCode: code, medicationCodeableConcept: code, type: [code],
  status, clinicalStatus: clinical, verificationStatus: verified,
  onsetDateTime: date, effectiveDateTime: date, authoredOn: date, performedDateTime: date, occurrenceDateTime: date, started: date,
  period: date ? { start: date } : undefined,
  valueQuantity: value === undefined ? undefined : { value, unit: 'mmol/mol' },
  dosageInstruction: dose ? [{ text: dose }] : undefined,
  category: category ? [{ coding: [{ code: category }] }] : undefined,
}));

/** Ids unique within a source, as a real server guarantees (or absent). */
const sourceResources = fc.array(resource, { maxLength: 25 }).map((list) => list.map((r, i) => (r.id ? { ...r, id: `${r.id}${i}` } : r)));

const belongs = (r: FhirResource) => {
  const ref = ((r['patient'] ?? r['subject']) as { reference?: string } | undefined)?.reference;
  return ref === 'Patient/pt' || ref?.endsWith('/Patient/pt') === true;
};

describe('the merge never loses a fact and never crosses patients', () => {
  it('owns every resource of the patient in exactly one row, and none of anyone else', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('gp', 'acute', 'mh'), sourceResources, { maxKeys: 3 }), fc.boolean(), (bySource, strayOther) => {
        const summaries = Object.entries(bySource).map(([sourceId, resources]) =>
          buildSourceSummary({ sourceId, patientKey: KEY, patient: { resourceType: 'Patient', id: 'pt' }, resources }));
        // A source summary built for another patient must be refused whole.
        if (strayOther) summaries.push(buildSourceSummary({ sourceId: 'stray', patientKey: OTHER_KEY, patient: { resourceType: 'Patient', id: 'pt' }, resources: bySource['gp'] ?? [] }));
        const summary = combineSources(KEY, { patientKey: KEY }, summaries);
        const rows = SECTION_ORDER.flatMap((id) => summary.sections[id]);
        const removed = SECTION_ORDER.flatMap((id) => summary.removed?.[id] ?? []);
        // A withdrawn record is owned by its removed row, never by a row of a section.
        const owned = [...rows, ...removed].flatMap((row) => row.sources.map((s) => `${s.sourceId}/${s.ref}`));
        expect(rows.some((r) => r.removed)).toBe(false);
        expect(removed.every((r) => r.removed && !r.alert && !r.active)).toBe(true);
        const expected = Object.entries(bySource).flatMap(([sourceId, resources]) =>
          resources.map((r, i) => [r, i] as const)
            .filter(([r]) => SUMMARY_RESOURCE_TYPES.includes(r.resourceType) && belongs(r))
            .map(([r, i]) => `${sourceId}/${r.resourceType}/${r.id ?? `#${i}`}`));
        expect(owned.sort()).toEqual(expected.sort());
        expect(rows.every((r) => r.patientKey === KEY && r.text.trim() !== '')).toBe(true);
        // Every lens shows every row of every section (collapsing is not hiding).
        for (const lens of ['general', 'cancer', 'mental-health'] as const) {
          expect(applyLens(summary, lens).sections.flatMap((s) => s.rows).length).toBe(rows.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
