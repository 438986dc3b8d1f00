/**
 * p02: colon cancer presenting with iron-deficiency anaemia in 2024; right hemicolectomy and
 * adjuvant CAPOX; CEA back to normal, then rising in 2026 with a new liver lesion on CT.
 */
import { addDays, at } from '../clock';
import { ALLERGEN, CONDITION, ENCOUNTER_TYPE, PROCEDURE, REACTION } from '../codes/snomed';
import { LAB, OTHER, PANEL } from '../codes/loinc';
import { MED } from '../codes/dmd';
import type { Ctx } from '../builders/context';
import { ref, textConcept } from '../builders/context';
import { allergy, condition } from '../builders/problems';
import { encounter, procedure } from '../builders/events';
import { coded, observation, panel, report } from '../builders/observations';
import { medicationStatement, prescribe } from '../builders/medications';
import { imagingStudy, letter } from '../builders/care';
import { draw } from './helpers';

const CEA: ReadonlyArray<readonly [string, number]> = [['2024-04-30', 12.4], ['2024-06-25', 3.2], ['2024-09-24', 2.8], ['2024-12-17', 2.5],
  ['2025-03-18', 2.9], ['2025-06-17', 3.1], ['2025-09-16', 2.7], ['2025-12-16', 3.4], ['2026-03-17', 4.1], ['2026-06-16', 5.6], ['2026-09-15', 7.9]];
const CAPOX = Array.from({ length: 8 }, (_, i) => addDays('2024-07-08', i * 21));

export function bowelCancer(ctx: Ctx): void {
  allergy(ctx, ALLERGEN.codeine, { recorded: ctx.source.id === 'gp' ? '2011-02-08' : '2024-05-28', criticality: 'low', type: 'intolerance', category: 'medication', reactions: [REACTION.nausea, REACTION.vomiting], severity: 'mild' });
  if (ctx.source.id === 'gp') {
    condition(ctx, CONDITION.hypercholesterolaemia, { onset: '2012-01-17' });
    condition(ctx, CONDITION.ironDeficiencyAnaemia, { onset: '2024-03-21', abatement: '2024-09-01' });
    condition(ctx, CONDITION.colonCancer, { onset: '2024-04-22', recorded: '2024-05-10', note: 'Hepatic flexure adenocarcinoma; St Elsewhere colorectal team.' });
    prescribe(ctx, MED.simvastatin40, { authoredOn: '2012-01-17', dose: 'One tablet at night', lastIssued: '2026-10-14', quantity: { value: 28, unit: 'tablet' } });
    medicationStatement(ctx, MED.capecitabine500, { start: '2024-07-08', end: '2024-12-30', status: 'completed', dose: 'As directed by oncology (CAPOX)', informationSource: 'St Elsewhere Acute Trust oncology', note: 'Hospital prescribing only.' });
    panel(ctx, PANEL.fbc, [[LAB.hb, 98], [LAB.wbc, 6.8], [LAB.platelets, 412]], draw(ctx.rng, '2024-03-21'));
    observation(ctx, LAB.ferritin, 9, draw(ctx.rng, '2024-03-21'));
    encounter(ctx, { start: '2024-03-25', type: ENCOUNTER_TYPE.consultation, klass: 'AMB', reason: CONDITION.ironDeficiencyAnaemia, service: 'General practice - urgent suspected cancer referral' });
    return;
  }
  procedure(ctx, PROCEDURE.colonoscopy, { date: at('2024-04-22', '14:00'), note: 'Circumferential tumour at hepatic flexure, biopsied and tattooed.' });
  report(ctx, PANEL.pathology, '2024-04-26', { serviceCategory: 'SP', text: 'Histopathology - colonic biopsy', conclusion: 'Moderately differentiated adenocarcinoma. MMR proficient.' });
  const ct = imagingStudy(ctx, { date: '2024-04-30', modality: 'CT', description: 'CT chest, abdomen and pelvis with contrast', images: 540 });
  report(ctx, PANEL.imaging, '2024-04-30', { serviceCategory: 'RAD', text: 'CT chest, abdomen and pelvis', imagingStudy: [ref(ct)], conclusion: 'Hepatic flexure tumour with local nodes. No distant metastases.' });
  const stageAt = at('2024-06-11', '13:00');
  const stage = [coded(ctx, OTHER.pathT, textConcept('pT3'), stageAt), coded(ctx, OTHER.pathN, textConcept('pN1b'), stageAt), coded(ctx, OTHER.pathStage, textConcept('Stage IIIB'), stageAt)];
  const cancer = condition(ctx, CONDITION.colonCancer, { onset: '2024-04-22', recorded: '2024-05-07',
    stage: { summary: textConcept('pT3 pN1b M0, Stage IIIB (TNM 8th edition)'), type: textConcept('Pathological TNM'), assessment: stage.map(ref) } });
  report(ctx, PANEL.carePlanNote, at('2024-05-07', '12:30'), { serviceCategory: 'OTH', text: 'Colorectal MDT outcome', conclusion: 'cT3 cN1 M0 hepatic flexure adenocarcinoma. Plan: laparoscopic right hemicolectomy.' });
  procedure(ctx, PROCEDURE.rightHemicolectomy, { date: at('2024-05-28', '09:00'), text: 'Laparoscopic right hemicolectomy', performer: 'Ms R Chaudhry, Consultant Colorectal Surgeon', reason: ref(cancer) });
  report(ctx, PANEL.carePlanNote, stageAt, { serviceCategory: 'OTH', text: 'Colorectal MDT outcome (post-operative)', results: stage.map(ref), conclusion: 'pT3 pN1b (2/19 nodes), R0. Plan: adjuvant CAPOX for 6 months.' });
  CAPOX.forEach((d, i) => {
    panel(ctx, PANEL.fbc, [[LAB.hb, 118 + i], [LAB.neutrophils, 3.2 - (i % 3) * 0.4], [LAB.platelets, 180 - i * 6]], draw(ctx.rng, addDays(d, -1)));
    procedure(ctx, PROCEDURE.chemotherapy, { date: at(d, '11:00'), text: `CAPOX cycle ${i + 1} of 8 (oxaliplatin day 1, capecitabine days 1-14)`, performer: 'Oncology day unit', reason: ref(cancer) });
  });
  prescribe(ctx, MED.capecitabine500, { authoredOn: '2024-07-08', end: '2024-12-30', status: 'completed', courseOfTherapy: 'acute', dose: '2000 mg twice a day for 14 days of each 21-day cycle', requester: 'Dr K Rahman, Consultant Oncologist', reason: ref(cancer) });
  CEA.forEach(([d, v]) => observation(ctx, LAB.cea, v, draw(ctx.rng, d)));
  const ct2 = imagingStudy(ctx, { date: '2026-10-13', modality: 'CT', description: 'CT chest, abdomen and pelvis (surveillance)', images: 560 });
  report(ctx, PANEL.imaging, '2026-10-13', { serviceCategory: 'RAD', text: 'CT chest, abdomen and pelvis', imagingStudy: [ref(ct2)], conclusion: 'New 18 mm lesion segment VI of liver, suspicious for metastasis. MRI liver recommended.' });
  condition(ctx, CONDITION.liverSecondaries, { onset: '2026-10-13', recorded: '2026-10-27', verification: 'provisional' });
  report(ctx, PANEL.carePlanNote, at('2026-10-27', '12:30'), { serviceCategory: 'OTH', text: 'Colorectal MDT outcome', conclusion: 'Rising CEA and solitary liver lesion. Plan: MRI liver and HPB surgical opinion.' });
  const stay = encounter(ctx, { start: '2024-05-27', end: '2024-06-02', type: ENCOUNTER_TYPE.admission, klass: 'IMP', reason: CONDITION.colonCancer, service: 'Colorectal surgery' });
  letter(ctx, { title: 'Discharge summary - colorectal surgery', date: '2024-06-02', author: 'Dr P Singh, CT1 Surgery', encounter: ref(stay),
    body: 'Mr David Okafor, NHS 999 015 8398.\nLaparoscopic right hemicolectomy 28-May-2024. Enhanced recovery; discharged day 5.\nIntolerance: codeine (vomiting).\nHistology to MDT 11-Jun-2024.\n' });
}
