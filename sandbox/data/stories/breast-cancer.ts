/**
 * p01: left breast cancer found in 2025. Acute trust: triple assessment, MDT, neoadjuvant EC-T,
 * surgery, radiotherapy, CA 15-3 falling. GP: problem list, letrozole taken over from the trust.
 * Penicillin anaphylaxis is recorded at both (the same allergy twice, for de-duplication).
 */
import { addDays, at } from '../clock';
import { ALLERGEN, BODY_SITE, CONDITION, ENCOUNTER_TYPE, PROCEDURE, REACTION } from '../codes/snomed';
import { LAB, OTHER, PANEL } from '../codes/loinc';
import { MED } from '../codes/dmd';
import type { Ctx } from '../builders/context';
import { ref, textConcept } from '../builders/context';
import { allergy, condition } from '../builders/problems';
import { encounter, procedure } from '../builders/events';
import { coded, observation, panel, report } from '../builders/observations';
import { prescribe } from '../builders/medications';
import { imagingStudy, letter } from '../builders/care';
import { bloodPressure } from '../builders/observations';
import { draw } from './helpers';

const CHEMO = ['2025-03-17', '2025-04-07', '2025-04-28', '2025-05-19', '2025-06-09', '2025-06-30'];
const CA153: ReadonlyArray<readonly [string, number]> = [['2025-02-18', 62], ['2025-04-07', 44], ['2025-05-19', 31], ['2025-06-30', 24],
  ['2025-09-01', 19], ['2025-12-01', 17], ['2026-03-02', 18], ['2026-06-01', 16], ['2026-09-01', 17]];

function penicillin(ctx: Ctx): void {
  allergy(ctx, ALLERGEN.penicillin, { recorded: ctx.source.id === 'gp' ? '1996-05-14' : '2025-02-18', onset: '1988', criticality: 'high', category: 'medication', reactions: [REACTION.anaphylaxis], severity: 'severe', note: 'Anaphylaxis to amoxicillin aged 26; adrenaline given in A&E.' });
}

export function breastCancer(ctx: Ctx): void {
  penicillin(ctx);
  if (ctx.source.id === 'gp') {
    condition(ctx, CONDITION.hypertension, { onset: '2014-09-03' });
    condition(ctx, CONDITION.breastCancer, { onset: '2025-02-25', recorded: '2025-03-06', bodySite: BODY_SITE.leftBreast, note: 'Under St Elsewhere breast team.' });
    encounter(ctx, { start: '2025-02-06', type: ENCOUNTER_TYPE.consultation, klass: 'AMB', reason: CONDITION.breastCancer, service: 'General practice - urgent suspected cancer referral' });
    prescribe(ctx, MED.amlodipine5, { authoredOn: '2014-09-03', dose: 'One tablet once a day', lastIssued: '2026-10-21', quantity: { value: 28, unit: 'tablet' } });
    prescribe(ctx, MED.letrozole2_5, { authoredOn: '2025-11-04', dose: 'One tablet once a day', lastIssued: '2026-11-02', quantity: { value: 28, unit: 'tablet' }, note: 'Continued from hospital; 5 years planned.' });
    ['2024-10-02', '2025-02-06', '2025-11-04', '2026-05-12'].forEach((d, i) => bloodPressure(ctx, 142 - i * 4, 86 - i * 2, at(d, '10:20')));
    return;
  }
  const clinic = encounter(ctx, { start: '2025-02-18', type: ENCOUNTER_TYPE.consultation, klass: 'AMB', service: 'Breast surgery - one-stop clinic' });
  imagingStudy(ctx, { date: '2025-02-18', modality: 'MG', description: 'Bilateral mammogram', bodySite: BODY_SITE.breast, images: 4, procedure: PROCEDURE.mammography });
  imagingStudy(ctx, { date: '2025-02-18', modality: 'US', description: 'Ultrasound left breast and axilla with core biopsy', bodySite: BODY_SITE.leftBreast, images: 12 });
  report(ctx, PANEL.pathology, '2025-02-18', { serviceCategory: 'SP', text: 'Histopathology - left breast core biopsy', conclusion: 'Invasive ductal carcinoma, grade 2. ER 8/8, PR 6/8, HER2 negative (IHC 1+). Axillary node core: metastatic carcinoma.' });
  const stageAt = at('2025-03-04', '13:00');
  const tnm = [coded(ctx, OTHER.tumourT, textConcept('cT2'), stageAt), coded(ctx, OTHER.tumourN, textConcept('cN1'), stageAt),
    coded(ctx, OTHER.tumourM, textConcept('cM0'), stageAt), coded(ctx, OTHER.stageGroup, textConcept('Stage IIB'), stageAt)];
  const cancer = condition(ctx, CONDITION.breastCancer, {
    onset: '2025-02-18', recorded: '2025-03-04', bodySite: BODY_SITE.leftBreast, encounter: ref(clinic),
    stage: { summary: textConcept('cT2 cN1 cM0, Stage IIB (TNM 8th edition)'), type: textConcept('Clinical TNM'), assessment: tnm.map(ref) },
  });
  report(ctx, PANEL.carePlanNote, stageAt, { serviceCategory: 'OTH', text: 'Breast MDT outcome', results: [...tnm.map(ref)],
    conclusion: 'Left breast IDC cT2 cN1 cM0, ER+/HER2-. Plan: neoadjuvant EC x3 then docetaxel x3, then wide local excision and sentinel node biopsy, adjuvant radiotherapy and letrozole. Patient informed by Mr Adeyemi and breast CNS.' });
  CHEMO.forEach((d, i) => {
    panel(ctx, PANEL.fbc, [[LAB.hb, 128 - i * 4], [LAB.wbc, 6.1 - i * 0.4], [LAB.neutrophils, 3.9 - i * 0.35], [LAB.platelets, 262 - i * 12]], draw(ctx.rng, addDays(d, -1)));
    procedure(ctx, PROCEDURE.chemotherapy, { date: at(d, '10:00'), text: `${i < 3 ? 'EC' : 'Docetaxel'} chemotherapy cycle ${i + 1} of 6`, performer: 'Oncology day unit', reason: ref(cancer) });
  });
  prescribe(ctx, MED.ondansetron8, { authoredOn: CHEMO[0] ?? '2025-03-17', end: '2025-07-03', status: 'completed', courseOfTherapy: 'acute', dose: 'One tablet twice a day for 3 days after each chemotherapy cycle', requester: 'Dr K Rahman, Consultant Oncologist' });
  procedure(ctx, PROCEDURE.lumpectomy, { date: at('2025-08-05', '09:30'), text: 'Wide local excision of left breast', bodySite: BODY_SITE.leftBreast, performer: 'Mr T Adeyemi, Consultant Breast Surgeon', reason: ref(cancer) });
  procedure(ctx, PROCEDURE.sentinelNodeBiopsy, { date: at('2025-08-05', '10:40'), performer: 'Mr T Adeyemi, Consultant Breast Surgeon', reason: ref(cancer) });
  const pathAt = at('2025-08-15', '11:00');
  report(ctx, PANEL.carePlanNote, at('2025-08-19', '13:00'), { serviceCategory: 'OTH', text: 'Breast MDT outcome (post-operative)',
    results: [coded(ctx, OTHER.pathT, textConcept('ypT1c'), pathAt), coded(ctx, OTHER.pathN, textConcept('ypN0'), pathAt)].map(ref),
    conclusion: 'Good partial response: ypT1c ypN0, margins clear (>2 mm). Plan: whole-breast radiotherapy 40 Gy in 15 fractions, then letrozole 5 years.' });
  procedure(ctx, PROCEDURE.radiotherapy, { date: '2025-09-15', end: '2025-10-03', text: 'Left whole-breast radiotherapy 40 Gy in 15 fractions', reason: ref(cancer) });
  prescribe(ctx, MED.letrozole2_5, { authoredOn: '2025-10-10', dose: 'One tablet once a day', quantity: { value: 84, unit: 'tablet' }, requester: 'Dr K Rahman, Consultant Oncologist', note: 'GP to continue.' });
  CA153.forEach(([d, v]) => observation(ctx, LAB.ca153, v, draw(ctx.rng, d)));
  const stay = encounter(ctx, { start: '2025-08-05', end: '2025-08-06', type: ENCOUNTER_TYPE.admission, klass: 'IMP', reason: CONDITION.breastCancer, service: 'Breast surgery' });
  letter(ctx, { title: 'Discharge summary - breast surgery', date: '2025-08-06', author: 'Dr L Moss, FY2 Breast Surgery', encounter: ref(stay),
    body: 'Mrs Susan Holloway, NHS 999 000 0018.\nAdmitted 05-Aug-2025 for left wide local excision and sentinel node biopsy.\nUneventful recovery. Discharged 06-Aug-2025.\nALLERGY: penicillin (anaphylaxis).\nFollow-up: breast clinic 2 weeks; oncology to plan radiotherapy.\n' });
}
