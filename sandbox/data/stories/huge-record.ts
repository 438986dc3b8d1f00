/**
 * p10: type 2 diabetes leading to end-stage renal disease, on haemodialysis three times a week
 * since March 2016. Pre- and post-dialysis observations at every session plus monthly bloods give
 * the acute trust well over 10,000 Observations: the record that tests paging and caps.
 */
import { at, every, weekday } from '../clock';
import { CONDITION, ENCOUNTER_TYPE, PROCEDURE } from '../codes/snomed';
import { LAB, PANEL, VITAL } from '../codes/loinc';
import { MED } from '../codes/dmd';
import type { Ctx } from '../builders/context';
import { ref } from '../builders/context';
import { condition, noKnownAllergies } from '../builders/problems';
import { encounter, procedure } from '../builders/events';
import { bloodPressure, observation, panel } from '../builders/observations';
import { prescribe } from '../builders/medications';
import { clinicDates, draw, egfrFrom, trend } from './helpers';

const DIALYSIS_START = '2016-03-02';

export function hugeRecord(ctx: Ctx): void {
  const { rng } = ctx;
  noKnownAllergies(ctx, ctx.source.id === 'gp' ? '2001-05-10' : '2008-02-14');
  condition(ctx, CONDITION.type2Diabetes, { onset: '2001-05-10' });
  condition(ctx, CONDITION.hypertension, { onset: '1998-11-03' });
  condition(ctx, CONDITION.atrialFibrillation, { onset: '2020-09-28' });
  const esrd = condition(ctx, CONDITION.esrd, { onset: DIALYSIS_START, note: 'Diabetic nephropathy. Haemodialysis Mon/Wed/Fri, St Elsewhere renal unit.' });
  if (ctx.source.id === 'gp') {
    prescribe(ctx, MED.amlodipine5, { authoredOn: '2009-04-14', dose: 'One tablet once a day', lastIssued: '2026-11-05', quantity: { value: 28, unit: 'tablet' } });
    prescribe(ctx, MED.simvastatin40, { authoredOn: '2003-01-20', dose: 'One tablet at night', lastIssued: '2026-11-05', quantity: { value: 28, unit: 'tablet' } });
    clinicDates(rng, '2010-01-15', '2026-11-01', 365, 15).forEach((d) => observation(ctx, LAB.hba1c, rng.around(56, 6, 0), draw(rng, d)));
    return;
  }
  prescribe(ctx, MED.apixaban5, { authoredOn: '2020-10-01', dose: 'One tablet twice a day', lastIssued: '2026-10-22', requester: 'Dr N Achebe, Consultant Nephrologist' });
  procedure(ctx, PROCEDURE.haemodialysis, { date: DIALYSIS_START, status: 'in-progress', text: 'Maintenance haemodialysis, 4 hours three times a week via left brachiocephalic fistula', reason: ref(esrd) });
  // Before dialysis: renal clinic every 3 months with a falling eGFR.
  const clinic = clinicDates(rng, '2008-02-14', '2016-02-15', 91);
  const creat = trend(rng, clinic.length, 160, 620, 15);
  clinic.forEach((d, i) => {
    const c = creat[i] ?? 400;
    panel(ctx, PANEL.renal, [[LAB.sodium, rng.around(139, 3, 0)], [LAB.potassium, rng.around(5.0, 0.4)], [LAB.urea, c / 18], [LAB.creatinine, c], [LAB.egfr, egfrFrom(c, 60 + i / 4, false)]], draw(rng, d));
  });
  // On dialysis: pre- and post-session observations at every session.
  const sessions = every(DIALYSIS_START, '2026-11-25', 1).filter((d) => [1, 3, 5].includes(weekday(d)));
  for (const d of sessions) {
    const dryWeight = 78 + rng.around(0, 0.6);
    const gain = rng.around(2.1, 0.8);
    const pre = at(d, '07:50');
    const post = at(d, '12:05');
    observation(ctx, VITAL.weight, dryWeight + gain, pre);
    bloodPressure(ctx, rng.around(152, 14, 0), rng.around(80, 8, 0), pre);
    observation(ctx, VITAL.heartRate, rng.around(76, 10, 0), pre);
    observation(ctx, VITAL.temperature, rng.around(36.6, 0.3), pre);
    observation(ctx, VITAL.weight, dryWeight + rng.around(0.2, 0.2), post);
    bloodPressure(ctx, rng.around(128, 14, 0), rng.around(72, 8, 0), post);
    observation(ctx, VITAL.heartRate, rng.around(82, 10, 0), post);
  }
  // Monthly pre-dialysis bloods on the first session of the month.
  sessions.filter((d, i) => i === 0 || d.slice(0, 7) !== sessions[i - 1]?.slice(0, 7)).forEach((d, i) => {
    const when = at(d, '07:45');
    const c = rng.around(720, 90, 0);
    panel(ctx, PANEL.renal, [[LAB.sodium, rng.around(137, 3, 0)], [LAB.potassium, rng.around(5.4, 0.6)], [LAB.urea, rng.around(24, 5)], [LAB.creatinine, c], [LAB.albumin, rng.around(36, 3, 0)]], when);
    panel(ctx, PANEL.fbc, [[LAB.hb, rng.around(108, 9, 0)], [LAB.wbc, rng.around(6.8, 1.5)], [LAB.platelets, rng.around(210, 40, 0)]], when);
    if (i % 3 === 0) observation(ctx, LAB.hba1c, rng.around(52, 6, 0), when);
    if (i % 12 === 0) encounter(ctx, { start: d, type: ENCOUNTER_TYPE.followUp, klass: 'AMB', service: 'Renal unit - annual dialysis review' });
  });
}
