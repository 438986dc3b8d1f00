import { describe, expect, it } from 'vitest';
import { applyLens } from '@/lib/summary/lens';
import type { SectionId, Summary, SummaryRow } from '@/lib/summary/model';
import { SECTION_ORDER } from '@/lib/summary/model';
import { ROSTER } from '../../sandbox/data/roster';
import { patientKeyOf, rosterPatient, sandboxSummary } from '../fixtures/sandbox-summary';

const rows = (summary: Summary, section: SectionId) => summary.sections[section];
const named = (summary: Summary, section: SectionId, text: RegExp): SummaryRow[] => rows(summary, section).filter((r) => text.test(r.text));
const sourcesOf = (row: SummaryRow | undefined) => [...new Set(row?.sources.map((s) => s.sourceId))].sort();
const focus = (summary: Summary, lens: 'cancer' | 'mental-health', id: string) => applyLens(summary, lens).focus.find((g) => g.id === id);

describe('p04: the same diabetes at GP and acute, one conflicting metformin dose', () => {
  const summary = sandboxSummary('p04');

  it('shows type 2 diabetes once, with both sources', () => {
    const diabetes = named(summary, 'problems', /diabetes mellitus type 2/i);
    expect(diabetes).toHaveLength(1);
    expect(sourcesOf(diabetes[0])).toEqual(['acute', 'gp']);
  });

  it('shows simvastatin and ramipril once each, with both sources', () => {
    for (const medicine of [/simvastatin/i, /ramipril/i]) {
      const found = named(summary, 'medications', medicine);
      expect(found).toHaveLength(1);
      expect(sourcesOf(found[0])).toEqual(['acute', 'gp']);
    }
  });

  it('keeps the two metformin doses apart, each marked as conflicting with the other, side by side', () => {
    const metformin = named(summary, 'medications', /metformin/i);
    expect(metformin.map((m) => m.detail).sort()).toEqual(['One tablet twice a day with meals', 'Two tablets (1 g) twice a day with meals']);
    expect(metformin[0]!.conflict).toEqual({ with: [metformin[1]!.id], reason: 'Sources disagree on the dose' });
    expect(metformin[1]!.conflict?.with).toEqual([metformin[0]!.id]);
    const order = rows(summary, 'medications').map((r) => r.id);
    expect(Math.abs(order.indexOf(metformin[0]!.id) - order.indexOf(metformin[1]!.id))).toBe(1);
  });

  it('puts HbA1c coded in LOINC at the GP and in SNOMED CT at the acute trust on one trend, units as sent', () => {
    const hba1c = named(summary, 'results', /^HbA1c$/);
    expect(hba1c).toHaveLength(1);
    const row = hba1c[0]!;
    expect(row.codes).toEqual(expect.arrayContaining(['http://loinc.org|4548-4', 'http://snomed.info/sct|999791000000106']));
    expect(sourcesOf(row)).toEqual(['acute', 'gp']);
    const points = row.result!.points;
    expect(points.map((p) => p.at)).toEqual([...points.map((p) => p.at)].sort().reverse());
    expect(new Set(points.map((p) => p.unit))).toEqual(new Set(['mmol/mol']));
    expect(points.find((p) => p.sources[0]?.sourceId === 'acute' && p.at?.startsWith('2025-01-13'))?.display).toBe('64 mmol/mol');
    expect(points[0]!.range).toBe('20 - 41');
    expect(row.result!.namesAsSent.length).toBe(2);
  });
});

describe('p01: breast cancer through the cancer lens', () => {
  const summary = sandboxSummary('p01');

  it('merges the penicillin anaphylaxis held at both sources, still flagged high criticality', () => {
    const penicillin = named(summary, 'allergies', /penicillin/i);
    expect(penicillin).toHaveLength(1);
    expect(penicillin[0]).toMatchObject({ alert: true, active: true });
    expect(sourcesOf(penicillin[0])).toEqual(['acute', 'gp']);
  });

  it('shows the diagnosis with its TNM stage, the MDT outcomes, CA 15-3, chemotherapy and radiotherapy', () => {
    const diagnoses = focus(summary, 'cancer', 'cancer-diagnoses')!.rows;
    const cancer = diagnoses.find((r) => /breast/i.test(r.text));
    expect(cancer?.detail).toContain('Stage IIB');
    expect(sourcesOf(cancer)).toEqual(['acute', 'gp']);
    const staging = focus(summary, 'cancer', 'staging')!.rows;
    expect(staging.find((r) => r.text === 'Stage group (clinical)')?.result?.points[0]?.display).toBe('Stage IIB');
    expect(staging.find((r) => r.text === 'T category (pathological)')?.result?.points[0]?.display).toBe('ypT1c');
    expect(focus(summary, 'cancer', 'mdt')!.rows.map((r) => r.text)).toEqual(['Breast MDT outcome (post-operative)', 'Breast MDT outcome']);
    const marker = focus(summary, 'cancer', 'tumour-markers')!.rows[0]!;
    expect(marker.text).toBe('CA 15-3');
    expect(marker.result!.points).toHaveLength(9);
    expect(marker.result!.points[0]!.display).toBe('17 kU/L');
    const treatment = focus(summary, 'cancer', 'treatment')!.rows.map((r) => r.text);
    expect(treatment.filter((t) => /chemotherapy cycle/.test(t))).toHaveLength(6);
    expect(treatment).toContain('Left whole-breast radiotherapy 40 Gy in 15 fractions');
    expect(treatment).toContain('Letrozole 2.5mg tablets');
  });

  it('says performance status is not recorded rather than leaving it out', () => {
    expect(focus(summary, 'cancer', 'performance')).toMatchObject({ rows: [], emptyText: 'None found in the sources that answered' });
  });

  it('folds each imaging study without a report into its own row and keeps allergies first in every lens', () => {
    expect(rows(summary, 'imaging').map((r) => r.text).sort()).toEqual(['Bilateral mammogram', 'Ultrasound left breast and axilla with core biopsy']);
    for (const lens of ['general', 'cancer', 'mental-health'] as const) {
      expect(applyLens(summary, lens).sections[0]).toMatchObject({ id: 'allergies', collapsed: false });
    }
  });
});

describe('p02: bowel cancer', () => {
  const summary = sandboxSummary('p02');

  it('trends CEA and keeps the provisional liver metastasis marked provisional', () => {
    expect(focus(summary, 'cancer', 'tumour-markers')!.rows[0]!.result!.points[0]).toMatchObject({ display: '7.9 ug/L', flag: 'High' });
    expect(named(summary, 'problems', /secondary malignant/i)[0]?.detail).toContain('provisional');
  });

  it('merges capecitabine recorded "as directed" at the GP with the oncology prescription', () => {
    const capecitabine = named(summary, 'medications', /capecitabine/i);
    expect(capecitabine).toHaveLength(1);
    expect(capecitabine[0]!.conflict).toBeUndefined();
  });

  it('shows the CT with its report as one imaging row owning both resources', () => {
    const ct = rows(summary, 'imaging').find((r) => r.detail?.includes('New 18 mm lesion'));
    expect(ct?.sources.map((s) => s.ref.split('/')[0]).sort()).toEqual(['DiagnosticReport', 'ImagingStudy']);
  });
});

describe('p03: bipolar disorder on lithium through the mental-health lens', () => {
  const summary = sandboxSummary('p03');

  it('shows the risk flag, crisis plan, care coordinator and lithium monitoring', () => {
    expect(focus(summary, 'mental-health', 'risk')!.rows[0]!.text).toMatch(/Risk to self/);
    expect(focus(summary, 'mental-health', 'crisis')!.rows[0]).toMatchObject({ text: 'Crisis and contingency plan', sourceId: 'mh' });
    expect(focus(summary, 'mental-health', 'coordinator')!.rows[0]!.detail).toBe('Care coordinator: Sam Okonkwo, Community Psychiatric Nurse (tel 0113 496 0734)');
    const lithium = focus(summary, 'mental-health', 'lithium')!.rows;
    expect(lithium.map((r) => r.text)).toEqual(expect.arrayContaining(['Lithium carbonate 450mg modified-release tablets', 'Lithium level', 'eGFR', 'TSH']));
    expect(focus(summary, 'mental-health', 'clozapine')).toBeUndefined();
  });

  it('merges lithium prescribed by the GP and recorded by the mental-health trust, and bipolar disorder from all three', () => {
    const lithium = named(summary, 'medications', /lithium/i);
    expect(lithium).toHaveLength(1);
    expect(sourcesOf(lithium[0])).toEqual(['gp', 'mh']);
    expect(sourcesOf(named(summary, 'problems', /bipolar/i)[0])).toEqual(['acute', 'gp', 'mh']);
  });

  it('trends lithium levels from three sources on one row, newest first, with the toxic level kept', () => {
    const level = named(summary, 'results', /^Lithium level$/)[0]!;
    expect(sourcesOf(level)).toEqual(['acute', 'gp', 'mh']);
    expect(level.result!.points.some((p) => p.display === '1.62 mmol/L' && p.flag === 'High')).toBe(true);
  });
});

describe('other stories', () => {
  it('p12: clozapine monitoring with the CPMS alert and neutrophil counts', () => {
    const summary = sandboxSummary('p12');
    const group = focus(summary, 'mental-health', 'clozapine')!.rows.map((r) => r.text);
    expect(group).toEqual(expect.arrayContaining(['Clozapine 100mg tablets', 'Clozapine level', 'Neutrophils']));
    expect(group.some((t) => /CPMS/.test(t))).toBe(true);
    expect(sourcesOf(named(summary, 'medications', /clozapine/i)[0])).toEqual(['gp', 'mh']);
  });

  it('p07: the banner says deceased', () => {
    expect(sandboxSummary('p07').banner.deceasedDate).toBe('2026-08-19');
  });

  it('p06: peanut allergy once with both sources, and the immunisation schedule', () => {
    const summary = sandboxSummary('p06');
    expect(sourcesOf(named(summary, 'allergies', /peanut/i)[0])).toEqual(['acute', 'gp']);
    expect(rows(summary, 'immunizations').length).toBeGreaterThan(15);
  });

  it('p09: the acute trust\'s second registration contributes nothing to the first record', () => {
    const summary = sandboxSummary('p09');
    expect(rows(summary, 'encounters').every((r) => r.sources.every((s) => !s.ref.includes('dup')))).toBe(true);
    expect(named(summary, 'encounters', /emergency department/i)).toHaveLength(0);
  });

  it.each(ROSTER.map((p) => p.key))('%s: every row belongs to the patient and says where it came from', (key) => {
    const summary = sandboxSummary(key);
    const all = SECTION_ORDER.flatMap((id) => summary.sections[id]);
    expect(all.length).toBeGreaterThan(0);
    for (const row of all) {
      expect(row.patientKey).toBe(patientKeyOf(rosterPatient(key)));
      expect(row.sources.length).toBeGreaterThan(0);
      expect(row.text.trim()).not.toBe('');
    }
    const refs = all.flatMap((r) => r.sources.map((s) => `${s.sourceId}/${s.ref}`));
    expect(new Set(refs).size).toBe(refs.length);
  });
});
