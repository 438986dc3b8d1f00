/**
 * p11: an ordinary record spread over three sources. GP: asthma, depression, yearly bloods and
 * flu vaccines. Acute: an appendicectomy and an asthma attack. Mental health: a course of
 * treatment with PHQ-9/GAD-7 scores, a care coordinator and a safety plan.
 */
import { addDays, at } from '../clock';
import { CONDITION, ENCOUNTER_TYPE, FINDING, PROCEDURE } from '../codes/snomed';
import { VACCINE } from '../codes/vaccines';
import { LAB, OTHER, PANEL, VITAL } from '../codes/loinc';
import { MED } from '../codes/dmd';
import type { Ctx } from '../builders/context';
import { concept, ref } from '../builders/context';
import { condition, noKnownAllergies } from '../builders/problems';
import { encounter, immunization, procedure } from '../builders/events';
import { bloodPressure, coded, observation, panel } from '../builders/observations';
import { prescribe } from '../builders/medications';
import { carePlan, careTeam, letter } from '../builders/care';
import { clinicDates, draw, egfrFrom, trend } from './helpers';

function gp(ctx: Ctx): void {
  const { rng } = ctx;
  noKnownAllergies(ctx, '2005-09-01');
  condition(ctx, CONDITION.asthma, { onset: '2001-11-20' });
  condition(ctx, CONDITION.depression, { onset: '2019-02-11' });
  condition(ctx, CONDITION.anxiety, { onset: '2019-02-11' });
  condition(ctx, CONDITION.ironDeficiencyAnaemia, { onset: '2021-06-08', abatement: '2022-01-10' });
  prescribe(ctx, MED.salbutamolInhaler, { authoredOn: '2001-11-20', dose: 'Two puffs when required', lastIssued: '2026-08-14', quantity: { value: 1, unit: 'inhaler' } });
  prescribe(ctx, MED.sertraline50, { authoredOn: '2019-02-11', dose: 'One tablet once a day', status: 'stopped', end: '2021-03-15', note: 'Stopped: well, tapered over 4 weeks.' });
  prescribe(ctx, MED.citalopram20, { authoredOn: '2024-09-23', dose: 'One tablet once a day', lastIssued: '2026-11-09', quantity: { value: 28, unit: 'tablet' } });
  coded(ctx, OTHER.smokingStatus, concept(FINDING.neverSmoked), at('2005-09-01', '10:00'), 'social-history');
  clinicDates(rng, '2015-10-05', '2025-10-05', 365, 10).forEach((d) => immunization(ctx, VACCINE.flu, at(d, '11:30'), { text: 'Seasonal influenza vaccine' }));
  const years = clinicDates(rng, '2012-05-14', '2026-05-14', 365, 20);
  const hb = trend(rng, years.length, 128, 130, 5);
  years.forEach((d, i) => {
    const when = draw(rng, d);
    const c = rng.around(66, 6, 0);
    panel(ctx, PANEL.fbc, [[LAB.hb, d.startsWith('2021') ? 97 : hb[i] ?? 128], [LAB.wbc, rng.around(6.5, 1.5)], [LAB.neutrophils, rng.around(3.8, 1)], [LAB.platelets, rng.around(260, 40, 0)]], when);
    panel(ctx, PANEL.renal, [[LAB.sodium, rng.around(139, 2, 0)], [LAB.potassium, rng.around(4.2, 0.3)], [LAB.creatinine, c], [LAB.egfr, egfrFrom(c, 27 + i, true)]], when);
    observation(ctx, LAB.tsh, rng.around(1.9, 0.8, 2), when);
    encounter(ctx, { start: d, type: ENCOUNTER_TYPE.followUp, klass: 'AMB', reason: CONDITION.asthma, service: 'General practice - annual review' });
    bloodPressure(ctx, rng.around(118, 8, 0), rng.around(74, 6, 0), at(addDays(d, 3), '09:40'));
    observation(ctx, VITAL.weight, rng.around(64, 2), at(addDays(d, 3), '09:42'));
  });
  observation(ctx, LAB.ferritin, 7, draw(rng, '2021-06-08'));
}

function acute(ctx: Ctx): void {
  const { rng } = ctx;
  noKnownAllergies(ctx, '2018-08-13');
  const stay = encounter(ctx, { start: '2018-08-13', end: '2018-08-16', type: ENCOUNTER_TYPE.emergency, klass: 'IMP', service: 'General surgery' });
  procedure(ctx, PROCEDURE.appendicectomy, { date: at('2018-08-13', '21:30'), text: 'Laparoscopic appendicectomy', performer: 'Mr D Walker, Consultant General Surgeon' });
  panel(ctx, PANEL.fbc, [[LAB.hb, 126], [LAB.wbc, 14.2], [LAB.neutrophils, 11.8], [LAB.platelets, 288]], draw(rng, '2018-08-13'), { encounter: ref(stay) });
  observation(ctx, LAB.crp, 87, draw(rng, '2018-08-13'), { encounter: ref(stay) });
  letter(ctx, { title: 'Discharge summary - general surgery', date: '2018-08-16', author: 'Dr R Patel, FY1 General Surgery', encounter: ref(stay),
    body: 'Ms Fatima Ahmed, NHS 999 095 0296.\nAcute appendicitis; laparoscopic appendicectomy 13-Aug-2018. Uncomplicated.\nNo known drug allergies.\n' });
  const ed = encounter(ctx, { start: at('2023-02-19', '18:05'), end: at('2023-02-19', '23:50'), type: ENCOUNTER_TYPE.emergency, klass: 'EMER', reason: CONDITION.asthma, service: 'Emergency department' });
  ([['18:20', 93, 112, 26], ['19:30', 95, 104, 22], ['21:00', 97, 96, 18], ['23:15', 98, 88, 16]] as const).forEach(([t, sats, hr, rr]) => {
    observation(ctx, VITAL.spo2, sats, at('2023-02-19', t), { encounter: ref(ed) });
    observation(ctx, VITAL.heartRate, hr, at('2023-02-19', t), { encounter: ref(ed) });
    observation(ctx, VITAL.respiratoryRate, rr, at('2023-02-19', t), { encounter: ref(ed) });
  });
  letter(ctx, { title: 'Emergency department discharge letter', date: '2023-02-19', author: 'Dr K Lee, ED Clinical Fellow', encounter: ref(ed),
    body: 'Ms Fatima Ahmed, NHS 999 095 0296.\nModerate acute asthma after a viral illness. Nebulised salbutamol x3, prednisolone 40 mg for 5 days.\nGP asthma review within 2 working days.\n' });
}

function mentalHealth(ctx: Ctx): void {
  const { rng } = ctx;
  const team = careTeam(ctx, { name: 'Leeds North Community Mental Health Team', since: '2024-10-07', members: [['Care coordinator', 'Priya Desai, Mental Health Practitioner (tel 0113 496 0415)'], ['Consultant psychiatrist', 'Dr O Adebayo']] });
  const dx = condition(ctx, CONDITION.depression, { onset: '2019-02-11', recorded: '2019-05-20', note: 'Recurrent depressive disorder, current episode moderate (2024).' });
  carePlan(ctx, { title: 'Safety plan', category: 'Mental health crisis plan', created: '2024-10-07', updated: '2025-01-27', careTeam: ref(team), addresses: ref(dx),
    description: 'Warning signs: not sleeping, withdrawing from family, thoughts that others would be better off without her.',
    activities: ['Call care coordinator Priya Desai on 0113 496 0415 (weekdays).', 'Out of hours: Crisis team 0113 496 0999 or NHS 111 option 2.', 'Husband Tariq is the named contact.'] });
  const first = clinicDates(rng, '2019-05-20', '2019-08-26', 14, 1);
  const second = clinicDates(rng, '2024-10-07', '2025-01-27', 14, 1);
  const courses = [...first, ...second];
  const phq = [...trend(rng, first.length, 18, 7, 1.5), ...trend(rng, second.length, 20, 8, 1.5)];
  courses.forEach((d, i) => {
    const when = at(d, '13:00');
    encounter(ctx, { start: when, end: at(d, '13:50'), type: ENCOUNTER_TYPE.followUp, klass: i % 3 === 2 ? 'VR' : 'AMB', service: 'Community mental health - psychological therapy' });
    observation(ctx, OTHER.phq9, Math.round(phq[i] ?? 10), when);
    observation(ctx, OTHER.gad7, Math.round((phq[i] ?? 10) * 0.8), when);
  });
}

export function typicalThreeSources(ctx: Ctx): void {
  if (ctx.source.id === 'gp') gp(ctx);
  else if (ctx.source.id === 'acute') acute(ctx);
  else mentalHealth(ctx);
}
