/**
 * Property: sources send garbage — wrong types in every field, nulls, missing fields, huge strings,
 * unknown codes, references to other patients and to themselves — and the summary is still built
 * without throwing, every row comes from a resource of this patient, and nothing of the other
 * patient reaches it (its resources carry a marker that must appear nowhere in the summary).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FhirResource } from '@/lib/fhir/resource';
import { combineSources } from '@/lib/summary/combine';
import { SECTION_ORDER } from '@/lib/summary/model';
import { SUMMARY_RESOURCE_TYPES, buildSourceSummary } from '@/lib/summary/source-summary';

const KEY = 'https://fhir.nhs.uk/Id/nhs-number|9990000018';
const OTHER_KEY = 'https://fhir.nhs.uk/Id/nhs-number|9990158398';
const MARKER = 'OTHER-PATIENT-MARKER';
const RUNS = 1000;

/** Anything a broken server might put in a field. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, 0, -1, NaN, Infinity, '', '\u0000', '<script>x</script>', 'active', 'unknown-code'),
  fc.string({ maxLength: 8 }),
  fc.double(),
  fc.constant('x'.repeat(100_000)),
  fc.jsonValue({ maxDepth: 2 }),
  fc.record({ coding: fc.oneof(fc.constant(null), fc.array(fc.record({ system: fc.oneof(fc.string({ maxLength: 5 }), fc.constant(null)), code: fc.oneof(fc.string({ maxLength: 5 }), fc.integer()) }), { maxLength: 2 })), text: fc.oneof(fc.string({ maxLength: 5 }), fc.integer()) }, { requiredKeys: [] }),
);

const FIELDS = ['code', 'vaccineCode', 'medicationCodeableConcept', 'type', 'status', 'clinicalStatus', 'verificationStatus', 'category', 'onsetDateTime',
  'effectiveDateTime', 'effectivePeriod', 'authoredOn', 'performedDateTime', 'occurrenceDateTime', 'period', 'valueQuantity', 'valueString', 'valueCodeableConcept',
  'referenceRange', 'interpretation', 'component', 'dosageInstruction', 'reaction', 'criticality', 'result', 'conclusion', 'stage', 'note', 'text', 'meta',
  'extension', 'content', 'description', 'title', 'participant', 'activity', 'recordedDate', 'issued', 'started', 'series', 'modality'];

/** A resource of this patient, of the other patient, self-referencing or pointing nowhere. */
const resource = (owner: 'mine' | 'other' | 'odd') =>
  fc.record({
    resourceType: fc.constantFrom(...SUMMARY_RESOURCE_TYPES, 'Organization', 'Patient', 'Bundle', ''),
    id: fc.oneof(fc.constantFrom(undefined, null, 7, ''), fc.string({ maxLength: 4 })),
    fields: fc.dictionary(fc.constantFrom(...FIELDS), junk, { maxKeys: 8 }),
    reference: owner === 'mine'
      ? fc.constantFrom('Patient/pt', 'https://gp.example/fhir/Patient/pt')
      : owner === 'other'
        ? fc.constantFrom('Patient/other', 'https://gp.example/fhir/Patient/other', 'Patient/pt/_history/1', 'Patient/ptx')
        : fc.oneof(junk, fc.constantFrom('Observation/a', 'Patient/', '#', 'Patient/pt#x')),
    via: fc.constantFrom('subject', 'patient', 'both'),
  }).map(({ resourceType, id, fields, reference, via }) => {
    const ref = { reference, display: owner === 'other' ? MARKER : 'x' };
    // The other patient's clinical words carry the marker; ids stay plain (a report may name an unresolved one).
    const r: Record<string, unknown> = { ...fields, resourceType, id: owner === 'other' ? `other-${String(id)}` : id };
    if (owner === 'other') for (const f of ['code', 'text', 'note', 'description', 'title']) r[f] = f === 'code' ? { text: MARKER } : MARKER;
    if (via !== 'patient') r['subject'] = ref;
    if (via !== 'subject') r['patient'] = via === 'both' && owner === 'mine' ? { reference: 'Patient/pt' } : ref;
    // Cyclic-looking: a report whose results point back at itself and at the other patient's rows.
    if (resourceType === 'DiagnosticReport') r['result'] = [{ reference: `DiagnosticReport/${String(id)}` }, { reference: `Observation/other-${String(id)}` }, { reference: `Observation/${String(id)}` }];
    return r as FhirResource;
  });

const sourceResources = fc.array(fc.oneof(resource('mine'), resource('other'), resource('odd'), junk as fc.Arbitrary<FhirResource>), { maxLength: 40 });
const garbagePatient = fc.oneof(fc.constant({ resourceType: 'Patient', id: 'pt' }), fc.record({ resourceType: fc.constant('Patient'), id: fc.constant('pt'), name: junk, birthDate: junk, gender: junk, identifier: junk }));

describe('summary builders on malformed data', () => {
  it(`never throw, attribute every row to this patient's input, and keep the other patient out (${RUNS} runs, 10,000+ resources)`, () => {
    let generated = 0;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('gp', 'acute', 'mh'), sourceResources, { minKeys: 1, maxKeys: 3 }), garbagePatient, (bySource, patient) => {
        const inputs = Object.entries(bySource).map(([sourceId, list]) => ({ sourceId, resources: list.filter((r) => typeof r === 'object' && r !== null && !Array.isArray(r)) }));
        generated += Object.values(bySource).reduce((n, list) => n + list.length + 1, 0);
        const summaries = inputs.map(({ sourceId, resources }) => buildSourceSummary({ sourceId, patientKey: KEY, patient: patient as FhirResource, resources }));
        summaries.push(buildSourceSummary({ sourceId: 'stray', patientKey: OTHER_KEY, patient: { resourceType: 'Patient', id: 'other' }, resources: inputs[0]!.resources }));
        const summary = combineSources(KEY, { patientKey: KEY }, summaries);

        const rows = SECTION_ORDER.flatMap((id) => summary.sections[id]);
        const inputRefs = new Set(inputs.flatMap(({ sourceId, resources }) => resources.map((r, i) => `${sourceId}/${r.resourceType}/${(r.id as unknown) ?? `#${i}`}`)));
        for (const row of rows) {
          expect(row.patientKey).toBe(KEY);
          for (const s of row.sources) expect(inputRefs.has(`${s.sourceId}/${s.ref}`)).toBe(true);
        }
        expect(JSON.stringify(summary)).not.toContain(MARKER);
        expect(summary.sections.allergies.every((r) => r.sourceId !== 'stray')).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(generated).toBeGreaterThanOrEqual(10_000);
  });
});
