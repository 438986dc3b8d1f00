/**
 * p12: treatment-resistant schizophrenia on clozapine since March 2016. The MH trust holds the
 * prescription, the monitoring FBCs (weekly for 18 weeks, fortnightly to a year, then 4-weekly),
 * clozapine levels, an amber neutrophil result in 2021 and a level that rose after he stopped
 * smoking. The GP holds clozapine as a hospital-only medicine and the physical health checks.
 */
import { addDays, at, every } from '../clock';
import { CONDITION, ENCOUNTER_TYPE, FINDING } from '../codes/snomed';
import { LAB, OTHER, PANEL, VITAL } from '../codes/loinc';
import { MED } from '../codes/dmd';
import type { Ctx } from '../builders/context';
import { concept, ref } from '../builders/context';
import { condition } from '../builders/problems';
import { encounter } from '../builders/events';
import { bloodPressure, coded, observation, panel } from '../builders/observations';
import { medicationStatement } from '../builders/medications';
import { prescribe } from '../builders/medications';
import { carePlan, careTeam, flag } from '../builders/care';
import { clinicDates, draw, trend } from './helpers';

const START = '2016-03-07';
const DOSE = '100 mg in the morning and 200 mg at night';

export function schizophreniaClozapine(ctx: Ctx): void {
  const { rng } = ctx;
  if (ctx.source.id === 'gp') {
    condition(ctx, CONDITION.schizophrenia, { onset: '2009-04-20' });
    medicationStatement(ctx, MED.clozapine100, { start: START, dose: DOSE, recorded: '2026-09-08', informationSource: 'Northfield Mental Health Trust', note: 'Hospital only: supplied by Northfield MH Trust pharmacy under CPMS monitoring. Do not prescribe.' });
    coded(ctx, OTHER.smokingStatus, concept(FINDING.smoker), at('2015-06-02', '10:00'), 'social-history');
    coded(ctx, OTHER.smokingStatus, concept(FINDING.exSmoker), at('2023-01-10', '10:00'), 'social-history');
    const checks = clinicDates(rng, '2017-01-16', '2026-09-14', 365, 14);
    const a1c = trend(rng, checks.length, 38, 47, 2);
    const weight = trend(rng, checks.length, 88, 104, 1.5);
    checks.forEach((d, i) => {
      observation(ctx, LAB.hba1c, a1c[i] ?? 44, draw(rng, d));
      observation(ctx, LAB.cholesterol, rng.around(5.6, 0.5), draw(rng, d));
      observation(ctx, VITAL.weight, weight[i] ?? 96, at(addDays(d, 5), '10:00'));
      observation(ctx, VITAL.bmi, (weight[i] ?? 96) / 1.8 ** 2, at(addDays(d, 5), '10:00'));
      bloodPressure(ctx, rng.around(132, 8, 0), rng.around(84, 6, 0), at(addDays(d, 5), '10:05'));
    });
    return;
  }
  const dx = condition(ctx, CONDITION.schizophrenia, { onset: '2009-04-20', note: 'Treatment-resistant (failed olanzapine and risperidone).' });
  prescribe(ctx, MED.clozapine100, { authoredOn: START, dose: DOSE, lastIssued: '2026-11-16', requester: 'Dr A Fenwick, Consultant Psychiatrist', reason: ref(dx), note: 'Registered with Clozaril Patient Monitoring Service. Blood test every 4 weeks before supply.' });
  flag(ctx, 'Clozapine: check CPMS status before every supply. If more than 48 hours of doses are missed, do not restart without the clozapine team.', START, { category: 'drug' });
  const team = careTeam(ctx, { name: 'Early Intervention in Psychosis / Clozapine clinic', since: '2016-03-01', members: [['Care coordinator', 'Marcus Reid, Community Psychiatric Nurse (tel 0113 496 0872)'], ['Consultant psychiatrist', 'Dr A Fenwick'], ['Clozapine clinic pharmacist', 'Helen Ward']] });
  carePlan(ctx, { title: 'Crisis and contingency plan', category: 'Mental health crisis plan', created: '2016-03-01', updated: '2026-05-18', careTeam: ref(team), addresses: ref(dx),
    description: 'Relapse signature: poor sleep, suspicious of neighbours, stops attending clozapine clinic.',
    activities: ['Care coordinator Marcus Reid 0113 496 0872 (weekdays).', 'Out of hours: Crisis team 0113 496 0999.', 'Fever, sore throat or flu-like illness: urgent FBC (neutropenia risk).', 'Stopping or starting smoking changes clozapine levels: tell the clozapine clinic.'] });
  const fbc = [...every(START, addDays(START, 17 * 7), 7), ...every(addDays(START, 19 * 7), addDays(START, 52 * 7), 14), ...every(addDays(START, 56 * 7), '2026-11-26', 28)];
  fbc.forEach((d) => panel(ctx, PANEL.fbc, [[LAB.wbc, rng.around(6.4, 1.2)], [LAB.neutrophils, rng.around(3.9, 0.9)]], draw(rng, d)));
  // An amber result (neutrophils 1.5-2.0) means twice-weekly counts until back in the green range.
  ([['2021-02-15', 3.6, 1.8], ['2021-02-18', 3.8, 1.7], ['2021-02-22', 4.4, 2.1], ['2021-02-25', 5.1, 2.6]] as const)
    .forEach(([d, wbc, neut]) => panel(ctx, PANEL.fbc, [[LAB.wbc, wbc], [LAB.neutrophils, neut]], draw(rng, d)));
  clinicDates(rng, '2016-06-06', '2026-10-05', 182, 7).forEach((d) => {
    const afterQuitting = d >= '2023-01-01' && d < '2023-04-01';
    const level = afterQuitting ? 0.71 : d >= '2023-04-01' ? rng.around(0.45, 0.05, 2) : rng.around(0.38, 0.06, 2);
    const when = draw(rng, d);
    observation(ctx, LAB.clozapine, level, when, afterQuitting ? { note: 'Stopped smoking Dec 2022. Dose reduced from 400 mg to 300 mg daily.' } : {});
    observation(ctx, LAB.norclozapine, level * 0.6, when);
    encounter(ctx, { start: at(d, '10:00'), type: ENCOUNTER_TYPE.followUp, klass: 'AMB', service: 'Clozapine clinic - CPA review' });
  });
}
