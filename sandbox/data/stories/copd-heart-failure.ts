/**
 * p13: COPD since 2010 and heart failure with reduced ejection fraction since 2020. Two acute
 * admissions: a COPD exacerbation (2024) and decompensated heart failure (Nov 2025) with a
 * raised NT-proBNP and an echo showing EF 35%.
 */
import { at } from '../clock';
import { CONDITION, ENCOUNTER_TYPE, FINDING, PROCEDURE } from '../codes/snomed';
import { VACCINE } from '../codes/vaccines';
import { LAB, OTHER, PANEL, VITAL } from '../codes/loinc';
import { MED } from '../codes/dmd';
import type { Ctx } from '../builders/context';
import { concept, ref } from '../builders/context';
import { condition, noKnownAllergies } from '../builders/problems';
import { encounter, immunization, procedure } from '../builders/events';
import { coded, observation, panel, report } from '../builders/observations';
import { prescribe } from '../builders/medications';
import { imagingStudy, letter } from '../builders/care';
import { clinicDates, draw, egfrFrom } from './helpers';

function admission(ctx: Ctx, start: string, end: string, reason: typeof CONDITION.copd, service: string, sats: readonly number[]) {
  const stay = encounter(ctx, { start, end, type: ENCOUNTER_TYPE.emergency, klass: 'IMP', reason, service });
  sats.forEach((s, day) => ['06:00', '12:00', '18:00', '22:00'].forEach((t, k) => {
    const when = at(`${start.slice(0, 8)}${String(Number(start.slice(8, 10)) + day).padStart(2, '0')}`, t);
    observation(ctx, VITAL.spo2, s + (k % 2), when, { encounter: ref(stay) });
    observation(ctx, VITAL.respiratoryRate, 28 - day * 2 + (k % 2), when, { encounter: ref(stay) });
    observation(ctx, VITAL.heartRate, 108 - day * 5 + k, when, { encounter: ref(stay) });
  }));
  return stay;
}

export function copdHeartFailure(ctx: Ctx): void {
  const { rng } = ctx;
  noKnownAllergies(ctx, ctx.source.id === 'gp' ? '2000-03-14' : '2024-01-08');
  if (ctx.source.id === 'gp') {
    condition(ctx, CONDITION.hypertension, { onset: '2000-03-14' });
    condition(ctx, CONDITION.copd, { onset: '2010-10-05' });
    condition(ctx, CONDITION.heartFailure, { onset: '2020-11-17', note: 'HFrEF, EF 38% (2020).' });
    coded(ctx, OTHER.smokingStatus, concept(FINDING.exSmoker), at('2010-10-05', '10:00'), 'social-history');
    procedure(ctx, PROCEDURE.spirometry, { date: at('2010-10-05', '10:30') });
    observation(ctx, OTHER.fev1Fvc, 58, at('2010-10-05', '10:30'));
    prescribe(ctx, MED.salbutamolInhaler, { authoredOn: '2010-10-05', dose: 'Two puffs up to four times a day when required', lastIssued: '2026-10-01', quantity: { value: 1, unit: 'inhaler' }, medicine: 'contained' });
    prescribe(ctx, MED.furosemide40, { authoredOn: '2020-11-17', dose: 'One tablet each morning', lastIssued: '2026-11-12', quantity: { value: 28, unit: 'tablet' } });
    prescribe(ctx, MED.bisoprolol2_5, { authoredOn: '2020-12-15', dose: 'One tablet once a day', lastIssued: '2026-11-12', quantity: { value: 28, unit: 'tablet' } });
    prescribe(ctx, MED.ramipril2_5, { authoredOn: '2020-12-15', dose: 'One capsule once a day', lastIssued: '2026-11-12', quantity: { value: 28, unit: 'capsule' } });
    clinicDates(rng, '2010-10-12', '2025-10-12', 365, 10).forEach((d) => immunization(ctx, VACCINE.flu, at(d, '10:50'), { text: 'Seasonal influenza vaccine' }));
    ([['2020-11-17', 1850], ['2023-05-09', 1240], ['2025-10-21', 3900]] as const).forEach(([d, v]) => observation(ctx, LAB.ntprobnp, v, draw(rng, d)));
    clinicDates(rng, '2020-11-17', '2026-11-10', 182, 7).forEach((d) => {
      const c = rng.around(96, 10, 0);
      panel(ctx, PANEL.renal, [[LAB.sodium, rng.around(137, 2, 0)], [LAB.potassium, rng.around(4.6, 0.4)], [LAB.creatinine, c], [LAB.egfr, egfrFrom(c, 82, true)]], draw(rng, d));
    });
    return;
  }
  const copd = admission(ctx, '2024-01-08', '2024-01-14', CONDITION.copd, 'Respiratory medicine', [86, 88, 90, 91, 92, 92]);
  condition(ctx, CONDITION.copd, { onset: '2010-10-05', recorded: '2024-01-08', encounter: ref(copd), note: 'Infective exacerbation.' });
  panel(ctx, PANEL.fbc, [[LAB.hb, 131], [LAB.wbc, 13.4], [LAB.neutrophils, 10.9], [LAB.platelets, 310]], draw(rng, '2024-01-08'), { encounter: ref(copd) });
  observation(ctx, LAB.crp, 96, draw(rng, '2024-01-08'), { encounter: ref(copd) });
  const cxr = imagingStudy(ctx, { date: '2024-01-08', modality: 'DX', description: 'Chest X-ray PA' });
  report(ctx, PANEL.imaging, '2024-01-08', { serviceCategory: 'RAD', text: 'Chest X-ray', imagingStudy: [ref(cxr)], encounter: ref(copd), conclusion: 'Hyperexpanded lungs. No consolidation. Heart size upper limit of normal.' });
  letter(ctx, { title: 'Discharge summary - respiratory medicine', date: '2024-01-14', author: 'Dr G Fraser, ST6 Respiratory', encounter: ref(copd),
    body: 'Mrs Edith Morgan, NHS 999 118 7863.\nInfective exacerbation of COPD. Treated with nebulisers, prednisolone and doxycycline.\nMedicines unchanged. Pulmonary rehabilitation referral made.\n' });
  const hf = admission(ctx, '2025-11-02', '2025-11-10', CONDITION.heartFailure, 'Cardiology', [89, 90, 92, 93, 94, 94, 95, 95]);
  condition(ctx, CONDITION.heartFailure, { onset: '2020-11-17', recorded: '2025-11-02', encounter: ref(hf), note: 'Decompensated HFrEF.' });
  observation(ctx, LAB.ntprobnp, 4820, draw(rng, '2025-11-02'), { encounter: ref(hf) });
  observation(ctx, LAB.ntprobnp, 2910, draw(rng, '2025-11-09'), { encounter: ref(hf) });
  procedure(ctx, PROCEDURE.echocardiography, { date: at('2025-11-05', '11:00'), text: 'Transthoracic echocardiogram' });
  const ef = observation(ctx, OTHER.ejectionFraction, 35, at('2025-11-05', '11:00'), { encounter: ref(hf) });
  report(ctx, PANEL.echo, at('2025-11-05', '11:00'), { serviceCategory: 'CUS', text: 'Transthoracic echocardiogram', results: [ref(ef)], encounter: ref(hf), conclusion: 'Dilated LV with severely impaired systolic function, EF 35%. Moderate functional MR.' });
  letter(ctx, { title: 'Discharge summary - cardiology', date: '2025-11-10', author: 'Dr S Byrne, ST5 Cardiology', encounter: ref(hf),
    body: 'Mrs Edith Morgan, NHS 999 118 7863.\nDecompensated heart failure; IV furosemide, 5 kg weight loss. Echo EF 35%. NT-proBNP 4820 -> 2910 ng/L.\nHeart failure nurse follow-up in 2 weeks. GP: U&E in 1 week.\n' });
}
