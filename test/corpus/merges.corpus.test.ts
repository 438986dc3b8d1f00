/**
 * Merge discipline on public data: two facts are one row only on a specific shared code or the
 * same words with no contradicting code. Generic codes, such as the transfer-degraded drug allergy
 * GP2GP sends for every allergy it could not code, never make two drugs one row.
 */
import { describe, expect, it } from 'vitest';
import type { FhirResource } from '@/lib/fhir/resource';
import { ipsBundle, r4Patient, summaryOf, type CorpusRecord } from './corpus';

const example = r4Patient('example');
const allSections = ipsBundle('Bundle-bundle-ips-all-sections');
const TRANSFER_DEGRADED = { system: 'http://snomed.info/sct', code: '196461000000101', display: 'Transfer-degraded drug allergy' };

/** A record's allergies as a GP2GP transfer sends them: the generic code, the drug only in the text. */
function transferDegraded(record: CorpusRecord): CorpusRecord {
  return {
    ...record,
    resources: record.resources.map((r): FhirResource => {
      if (r.resourceType !== 'AllergyIntolerance') return r;
      const text = (r['code'] as { text?: string; coding?: { display?: string }[] }).text ?? (r['code'] as { coding: { display?: string }[] }).coding[0]?.display;
      return { ...r, code: { coding: [TRANSFER_DEGRADED], text } };
    }),
  };
}

describe('generic codes never merge', () => {
  it('R4 Patient/example: the cashew, penicillin and fish allergies, all sent as transfer-degraded, stay three rows with three names', () => {
    const allergies = summaryOf({ gp: transferDegraded(example) }).sections.allergies.filter((r) => !r.statement);
    expect(allergies.map((r) => r.text).sort()).toEqual(['Allergic to fresh fish. Tolerates canned fish', 'Cashew nuts', 'Penicillin G']);
  });

  it('across two sources, a transfer-degraded penicillin allergy does not swallow another source\'s transfer-degraded cashew allergy', () => {
    const gp = transferDegraded(example);
    const acute: CorpusRecord = { ...gp, resources: gp.resources.filter((r) => r.id === 'medication') };
    const summary = summaryOf({ gp: { ...gp, resources: gp.resources.filter((r) => r.id === 'example') }, acute });
    expect(summary.sections.allergies.map((r) => r.text).sort()).toEqual(['Cashew nuts', 'Penicillin G']);
  });
});

describe('what does merge shows every name', () => {
  it('IPS all-sections penicillin from two sources under different words is one row that shows both names', () => {
    const renamed: CorpusRecord = {
      ...allSections,
      resources: allSections.resources.map((r) => (r.resourceType === 'AllergyIntolerance' ? { ...r, code: { ...(r['code'] as object), text: 'Penicillins' } } : r)),
    };
    const allergies = summaryOf({ gp: allSections, acute: renamed }).sections.allergies;
    expect(allergies).toHaveLength(1);
    expect(allergies[0]!.sources.map((s) => s.sourceId).sort()).toEqual(['acute', 'gp']);
    expect([...(allergies[0]!.names ?? [])].sort()).toEqual(['Penicillin', 'Penicillins']);
  });

  it('the same words with contradicting codes in one system stay apart (IPS penicillin beside R4 penicillin G, both named "Penicillin")', () => {
    const penicillinG: CorpusRecord = {
      ...allSections,
      resources: example.resources.filter((r) => r.id === 'medication').map((r) => ({
        ...r, patient: { reference: `Patient/${allSections.patient.id}` },
        code: { coding: [{ system: 'http://snomed.info/sct', code: '373270004', display: 'Penicillin G' }], text: 'Penicillin' },
      })),
    };
    const allergies = summaryOf({ gp: allSections, acute: penicillinG }).sections.allergies;
    expect(allergies).toHaveLength(2);
  });
});
