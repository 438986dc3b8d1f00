/**
 * p05: CKD stage 3 progressing over ten years (eGFR 58 to 38), anaemia of CKD, an AKI with a UTI
 * in 2024 after which ramipril was stopped, and yearly nephrology review.
 */
import { at } from '../clock';
import { ALLERGEN, CONDITION, ENCOUNTER_TYPE, REACTION } from '../codes/snomed';
import { LAB, PANEL } from '../codes/loinc';
import { MED } from '../codes/dmd';
import type { Encounter, Reference } from '@medplum/fhirtypes';
import type { Ctx } from '../builders/context';
import { ref } from '../builders/context';
import { allergy, condition } from '../builders/problems';
import { encounter } from '../builders/events';
import { bloodPressure, panel, report } from '../builders/observations';
import { prescribe } from '../builders/medications';
import { imagingStudy, letter } from '../builders/care';
import { ageOn, clinicDates, draw, egfrFrom, trend } from './helpers';

function kidneyPanel(ctx: Ctx, creatinine: number, when: string, encounterRef?: Reference<Encounter>): void {
  const age = ageOn(ctx.patient.birthDate, when.slice(0, 10));
  panel(ctx, PANEL.renal, [[LAB.sodium, ctx.rng.around(138, 3, 0)], [LAB.potassium, ctx.rng.around(4.9, 0.4)], [LAB.urea, creatinine / 13],
    [LAB.creatinine, creatinine], [LAB.egfr, egfrFrom(creatinine, age, true)]], when, encounterRef ? { encounter: encounterRef } : {});
}

export function ckd(ctx: Ctx): void {
  const { rng } = ctx;
  allergy(ctx, ALLERGEN.penicillin, { recorded: ctx.source.id === 'gp' ? '1979-03-02' : '2024-02-03', criticality: 'low', category: 'medication', reactions: [REACTION.rash], severity: 'mild', note: 'Non-urticarial rash.' });
  if (ctx.source.id === 'gp') {
    condition(ctx, CONDITION.hypertension, { onset: '2005-06-14' });
    condition(ctx, CONDITION.ckd3, { onset: '2018-05-09', note: 'Hypertensive nephropathy. Shared care with renal team.' });
    prescribe(ctx, MED.amlodipine5, { authoredOn: '2005-06-14', dose: 'One tablet once a day', lastIssued: '2026-11-03', quantity: { value: 28, unit: 'tablet' }, medicine: 'reference' });
    prescribe(ctx, MED.ramipril2_5, { authoredOn: '2012-02-21', dose: 'One capsule once a day', status: 'stopped', end: '2024-02-12', note: 'Stopped after AKI (Feb 2024) on renal advice.' });
    const dates = clinicDates(rng, '2016-01-12', '2026-11-10', 91, 5);
    const creat = trend(rng, dates.length, 88, 126, 5);
    dates.forEach((d, i) => kidneyPanel(ctx, creat[i] ?? 110, draw(rng, d)));
    clinicDates(rng, '2016-01-12', '2026-11-10', 182, 5).forEach((d, i, all) => {
      panel(ctx, PANEL.fbc, [[LAB.hb, 121 - (17 * i) / all.length + rng.around(0, 3)], [LAB.platelets, rng.around(240, 30, 0)]], draw(rng, d));
      bloodPressure(ctx, rng.around(138, 10, 0), rng.around(78, 6, 0), at(d, '11:00'));
    });
    return;
  }
  const stay = encounter(ctx, { start: '2024-02-03', end: '2024-02-09', type: ENCOUNTER_TYPE.admission, klass: 'IMP', reason: CONDITION.aki, service: 'Renal medicine' });
  condition(ctx, CONDITION.uti, { onset: '2024-02-01', abatement: '2024-02-09', recorded: '2024-02-03', encounter: ref(stay) });
  condition(ctx, CONDITION.aki, { onset: '2024-02-03', abatement: '2024-02-09', encounter: ref(stay), note: 'AKI stage 2 on CKD 3b.' });
  condition(ctx, CONDITION.ckd3, { onset: '2018-05-09', recorded: '2024-02-03', encounter: ref(stay) });
  [214, 198, 171, 152, 139, 128, 124].forEach((c, i) => kidneyPanel(ctx, c, draw(rng, `2024-02-0${3 + i}`), ref(stay)));
  const us = imagingStudy(ctx, { date: '2024-02-05', modality: 'US', description: 'Ultrasound renal tract', images: 18 });
  report(ctx, PANEL.imaging, '2024-02-05', { serviceCategory: 'RAD', text: 'Ultrasound renal tract', imagingStudy: [ref(us)], conclusion: 'Small echogenic kidneys (R 8.9 cm, L 9.2 cm). No hydronephrosis.' });
  letter(ctx, { title: 'Discharge summary - renal medicine', date: '2024-02-09', author: 'Dr F Lindqvist, ST5 Renal Medicine', encounter: ref(stay),
    body: 'Mrs Patricia Walsh, NHS 999 039 5969.\nAKI stage 2 on CKD 3b secondary to E. coli UTI. Treated with IV fluids and antibiotics (penicillin allergy noted).\nRamipril STOPPED. Creatinine 124 umol/L on discharge (baseline ~115).\nRenal clinic in 12 months.\n' });
  ['2025-03-12', '2026-03-11'].forEach((d, i) => {
    encounter(ctx, { start: d, type: ENCOUNTER_TYPE.followUp, klass: 'AMB', service: 'Renal outpatient clinic' });
    kidneyPanel(ctx, 118 + i * 7, draw(rng, d));
  });
}
