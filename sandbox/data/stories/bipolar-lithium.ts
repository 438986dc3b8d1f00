/**
 * p03: bipolar disorder on lithium since 2004, shared care between the mental-health trust and the
 * GP. Three-monthly lithium levels; kidney function drifting down; lithium-induced hypothyroidism.
 * A 2023 admission with lithium toxicity and AKI. The MH trust holds the risk flag, crisis plan
 * and care coordinator.
 */
import { at } from '../clock';
import { ALLERGEN, CONDITION, ENCOUNTER_TYPE, FINDING, REACTION } from '../codes/snomed';
import { LAB, PANEL } from '../codes/loinc';
import { MED } from '../codes/dmd';
import type { Ctx } from '../builders/context';
import { ref } from '../builders/context';
import { allergy, condition } from '../builders/problems';
import { encounter } from '../builders/events';
import { observation, panel } from '../builders/observations';
import { medicationStatement, prescribe } from '../builders/medications';
import { carePlan, careTeam, flag, letter } from '../builders/care';
import { ageOn, clinicDates, draw, egfrFrom, trend } from './helpers';

const LITHIUM_DOSE = 'Two tablets (900 mg) at night. Keep to the same brand.';

export function bipolarLithium(ctx: Ctx): void {
  const { rng } = ctx;
  allergy(ctx, ALLERGEN.latex, { recorded: ctx.source.id === 'gp' ? '2009-06-30' : '2023-07-14', criticality: 'low', category: 'environment', reactions: [REACTION.rash], severity: 'mild' });
  if (ctx.source.id === 'gp') {
    condition(ctx, CONDITION.bipolar, { onset: '2004-03-15', recorded: '2004-05-02' });
    condition(ctx, CONDITION.hypothyroidism, { onset: '2016-08-22', note: 'Lithium-induced.' });
    prescribe(ctx, MED.lithium450mr, { authoredOn: '2004-05-02', dose: LITHIUM_DOSE, lastIssued: '2026-11-10', quantity: { value: 56, unit: 'tablet' }, note: 'Shared care with Northfield MH Trust. Check level every 3 months.' });
    prescribe(ctx, MED.levothyroxine50, { authoredOn: '2016-08-30', dose: 'One tablet each morning', lastIssued: '2026-10-28', quantity: { value: 28, unit: 'tablet' } });
    const levels = clinicDates(rng, '2019-01-14', '2026-11-16', 91);
    levels.forEach((d) => observation(ctx, LAB.lithium, rng.around(0.72, 0.14, 2), draw(rng, d)));
    observation(ctx, LAB.lithium, 0.66, draw(rng, '2023-07-25'), { note: 'Post-discharge check after lithium toxicity.' });
    const kidney = clinicDates(rng, '2016-02-01', '2026-11-16', 182);
    const creat = trend(rng, kidney.length, 64, 94, 4);
    kidney.forEach((d, i) => {
      const c = creat[i] ?? 80;
      panel(ctx, PANEL.renal, [[LAB.sodium, rng.around(139, 2, 0)], [LAB.potassium, rng.around(4.3, 0.3)], [LAB.creatinine, c], [LAB.egfr, egfrFrom(c, ageOn(ctx.patient.birthDate, d), true)]], draw(rng, d));
    });
    clinicDates(rng, '2016-08-22', '2026-08-01', 365).forEach((d, i) => observation(ctx, LAB.tsh, i === 0 ? 8.9 : rng.around(2.1, 0.9, 2), draw(rng, d)));
    return;
  }
  if (ctx.source.id === 'acute') {
    const stay = encounter(ctx, { start: '2023-07-14', end: '2023-07-18', type: ENCOUNTER_TYPE.emergency, klass: 'IMP', reason: CONDITION.aki, service: 'Acute medicine' });
    condition(ctx, CONDITION.aki, { onset: '2023-07-14', abatement: '2023-07-18', encounter: ref(stay), note: 'Prerenal AKI with lithium toxicity after 3 days of diarrhoea and vomiting.' });
    condition(ctx, CONDITION.bipolar, { onset: '2004-03-15', recorded: '2023-07-14', encounter: ref(stay) });
    ([['2023-07-14', 1.62, 142], ['2023-07-15', 1.21, 118], ['2023-07-16', 0.94, 96], ['2023-07-18', 0.61, 84]] as const).forEach(([d, li, c]) => {
      observation(ctx, LAB.lithium, li, draw(rng, d), { encounter: ref(stay) });
      panel(ctx, PANEL.renal, [[LAB.sodium, 136], [LAB.potassium, 4.9], [LAB.urea, c / 14], [LAB.creatinine, c], [LAB.egfr, egfrFrom(c, 43, true)]], draw(rng, d), { encounter: ref(stay) });
    });
    letter(ctx, { title: 'Discharge summary - acute medicine', date: '2023-07-18', author: 'Dr H Osei, ST4 Acute Medicine', encounter: ref(stay),
      body: 'Ms Rhiannon Price, NHS 999 023 7581.\nAdmitted 14-Jul-2023: lithium toxicity (level 1.62 mmol/L) with prerenal AKI after gastroenteritis.\nLithium withheld 48 hours, IV fluids. Level 0.61 on discharge; creatinine 84.\nPlan: restart lithium 900 mg at night; GP to recheck level and U&E in 1 week. Sick-day rules explained.\n' });
    return;
  }
  const cmht = 'Leeds West Community Mental Health Team';
  const team = careTeam(ctx, { name: `${cmht} - CPA`, since: '2019-04-01', members: [['Care coordinator', 'Sam Okonkwo, Community Psychiatric Nurse (tel 0113 496 0734)'], ['Consultant psychiatrist', 'Dr A Fenwick'], ['Support worker', 'Jo Baxter']] });
  const dx = condition(ctx, CONDITION.bipolar, { onset: '2004-03-15', recorded: '2004-03-20', note: 'Bipolar affective disorder, type I. Two manic episodes requiring admission (2004, 2010).' });
  flag(ctx, FINDING.suicideRisk, '2010-11-02', { category: 'safety', text: 'Risk to self: overdose in 2010 during depressive episode. Ask about suicidal thoughts at every contact.' });
  carePlan(ctx, { title: 'Crisis and contingency plan', category: 'Mental health crisis plan', created: '2019-04-01', updated: '2026-09-14', careTeam: ref(team), addresses: ref(dx),
    description: 'Early warning signs: sleeping under 5 hours, spending sprees, pressured speech; low mood with withdrawal and stopping lithium.',
    activities: ['In hours: call care coordinator Sam Okonkwo on 0113 496 0734.', 'Out of hours: Crisis Resolution and Home Treatment team 0113 496 0999 (24 hours).',
      'If lithium level > 1.2 mmol/L or vomiting and diarrhoea: stop lithium and seek same-day medical review.', 'Sister (Ceri Price) is the named contact and has consent to be told of a crisis.'] });
  medicationStatement(ctx, MED.lithium450mr, { start: '2004-04-10', dose: LITHIUM_DOSE, recorded: '2026-09-14', informationSource: 'Riverside GP Practice (shared care)' });
  clinicDates(rng, '2019-04-01', '2026-10-01', 182, 10).forEach((d) => {
    encounter(ctx, { start: at(d, '14:00'), end: at(d, '15:00'), type: ENCOUNTER_TYPE.followUp, klass: 'AMB', service: `${cmht} - CPA review` });
  });
  ['2024-03-11', '2025-03-10', '2026-03-09'].forEach((d) => observation(ctx, LAB.lithium, rng.around(0.7, 0.1, 2), draw(rng, d)));
}
