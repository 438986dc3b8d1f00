/**
 * p04: type 2 diabetes since 2014. The GP and the acute trust hold the SAME diagnosis and the SAME
 * statin (for de-duplication), HbA1c coded in LOINC at the GP and in SNOMED CT at the trust (for
 * cross-system grouping), and ONE conflict: metformin 500 mg twice daily at the GP versus 1 g twice
 * daily on the trust's discharge prescription.
 */
import { addDays, at } from '../clock';
import { CONDITION, ENCOUNTER_TYPE, FINDING } from '../codes/snomed';
import { LAB, OTHER, PANEL, VITAL } from '../codes/loinc';
import { MED } from '../codes/dmd';
import type { Ctx } from '../builders/context';
import { concept, ref } from '../builders/context';
import { condition, noKnownAllergies } from '../builders/problems';
import { encounter } from '../builders/events';
import { bloodPressure, coded, observation, panel } from '../builders/observations';
import { prescribe } from '../builders/medications';
import { letter } from '../builders/care';
import { ageOn, clinicDates, draw, egfrFrom, trend } from './helpers';

export const DIABETES_ONSET = '2014-03-10';

export function diabetesDedup(ctx: Ctx): void {
  const { rng } = ctx;
  if (ctx.source.id === 'gp') {
    noKnownAllergies(ctx, '2014-03-10');
    condition(ctx, CONDITION.type2Diabetes, { onset: DIABETES_ONSET });
    condition(ctx, CONDITION.hypertension, { onset: '2016-05-19' });
    prescribe(ctx, MED.metformin500, { authoredOn: DIABETES_ONSET, dose: 'One tablet twice a day with meals', lastIssued: '2026-10-30', quantity: { value: 56, unit: 'tablet' } });
    prescribe(ctx, MED.simvastatin40, { authoredOn: '2014-04-02', dose: 'One tablet at night', lastIssued: '2026-10-30', quantity: { value: 28, unit: 'tablet' } });
    prescribe(ctx, MED.ramipril2_5, { authoredOn: '2016-05-19', dose: 'One capsule once a day', lastIssued: '2026-10-30', quantity: { value: 28, unit: 'capsule' } });
    coded(ctx, OTHER.smokingStatus, concept(FINDING.exSmoker), at('2014-03-10', '10:00'), 'social-history');
    const reviews = clinicDates(rng, DIABETES_ONSET, '2026-11-20', 182, 7);
    const a1c = [...trend(rng, 6, 62, 52, 3), ...trend(rng, reviews.length - 6, 50, 58, 4)];
    reviews.forEach((d, i) => {
      observation(ctx, LAB.hba1c, a1c[i] ?? 55, draw(rng, d));
      bloodPressure(ctx, rng.around(136, 8, 0), rng.around(82, 6, 0), at(addDays(d, 7), '10:30'));
      if (i % 2 === 0) {
        const c = rng.around(82, 6, 0);
        panel(ctx, PANEL.renal, [[LAB.sodium, rng.around(139, 2, 0)], [LAB.potassium, rng.around(4.4, 0.3)], [LAB.creatinine, c], [LAB.egfr, egfrFrom(c, ageOn(ctx.patient.birthDate, d), false)]], draw(rng, d));
        observation(ctx, VITAL.weight, rng.around(96, 2), at(addDays(d, 7), '10:35'));
      }
    });
    return;
  }
  const stay = encounter(ctx, { start: '2025-01-12', end: '2025-01-16', type: ENCOUNTER_TYPE.admission, klass: 'IMP', reason: CONDITION.cellulitis, service: 'Acute medicine' });
  condition(ctx, CONDITION.cellulitis, { onset: '2025-01-11', abatement: '2025-01-16', recorded: '2025-01-12', encounter: ref(stay), note: 'Left lower leg.' });
  condition(ctx, CONDITION.type2Diabetes, { onset: DIABETES_ONSET, recorded: '2025-01-12', encounter: ref(stay) });
  prescribe(ctx, MED.metformin500, { authoredOn: '2025-01-16', category: 'discharge', dose: 'Two tablets (1 g) twice a day with meals', quantity: { value: 112, unit: 'tablet' }, requester: 'Dr M Iqbal, ST3 Diabetes and Endocrinology' });
  prescribe(ctx, MED.simvastatin40, { authoredOn: '2025-01-16', category: 'discharge', dose: 'One tablet at night', quantity: { value: 28, unit: 'tablet' }, requester: 'Dr M Iqbal, ST3 Diabetes and Endocrinology' });
  prescribe(ctx, MED.ramipril2_5, { authoredOn: '2025-01-16', category: 'discharge', dose: 'One capsule once a day', quantity: { value: 28, unit: 'capsule' }, requester: 'Dr M Iqbal, ST3 Diabetes and Endocrinology' });
  observation(ctx, LAB.hba1c, 64, draw(rng, '2025-01-13'), { code: FINDING.hba1cIfcc, encounter: ref(stay) });
  panel(ctx, PANEL.renal, [[LAB.sodium, 137], [LAB.potassium, 4.6], [LAB.creatinine, 91], [LAB.egfr, egfrFrom(91, 56, false)]], draw(rng, '2025-01-12'), { encounter: ref(stay) });
  panel(ctx, PANEL.fbc, [[LAB.hb, 141], [LAB.wbc, 14.8], [LAB.neutrophils, 11.9], [LAB.platelets, 302]], draw(rng, '2025-01-12'), { encounter: ref(stay) });
  observation(ctx, LAB.crp, 112, draw(rng, '2025-01-12'), { encounter: ref(stay) });
  letter(ctx, { title: 'Discharge summary - acute medicine', date: '2025-01-16', author: 'Dr M Iqbal, ST3 Diabetes and Endocrinology', encounter: ref(stay),
    body: 'Mr Imran Khan, NHS 999 031 6775.\nAdmitted 12-Jan-2025 with cellulitis of the left leg; IV flucloxacillin then oral. HbA1c 64 mmol/mol.\nMedicines on discharge: metformin 1 g twice daily; simvastatin 40 mg at night; ramipril 2.5 mg once daily.\nGP: please review diabetes control in 3 months.\n' });
  encounter(ctx, { start: '2026-06-15', type: ENCOUNTER_TYPE.followUp, klass: 'AMB', service: 'Diabetes outpatient clinic' });
  observation(ctx, LAB.hba1c, 57, draw(rng, '2026-06-15'), { code: FINDING.hba1cIfcc });
}
