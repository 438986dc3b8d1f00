/**
 * p06: a boy born May 2019. The GP holds the routine UK immunisation schedule and growth
 * measurements; the acute trust an ED attendance with a febrile convulsion. Peanut allergy at both.
 */
import { addDays, at } from '../clock';
import { ALLERGEN, CONDITION, ENCOUNTER_TYPE, REACTION } from '../codes/snomed';
import { VACCINE } from '../codes/vaccines';
import { VITAL } from '../codes/loinc';
import type { Ctx } from '../builders/context';
import { ref } from '../builders/context';
import { allergy, condition } from '../builders/problems';
import { encounter, immunization } from '../builders/events';
import { observation } from '../builders/observations';
import { letter } from '../builders/care';

type Dose = readonly [vaccine: Parameters<typeof immunization>[1], text: string];
const SIX_IN_ONE: Dose = [VACCINE.sixInOne, '6-in-1 vaccine (DTaP/IPV/Hib/HepB)'];
const ROTA: Dose = [VACCINE.rotavirus, 'Rotavirus vaccine'];
const PCV: Dose = [VACCINE.pcv13, 'Pneumococcal conjugate vaccine (PCV13)'];
const MMR: Dose = [VACCINE.mmr, 'MMR vaccine'];
// No international SNOMED CT product concept exists for MenB; GP systems send the brand as text.
const MENB: Dose = ['MenB vaccine (Bexsero)', 'MenB vaccine (Bexsero)'];
/** [age in days, doses]: the NHS routine childhood schedule as it stood for a 2019 birth. */
const SCHEDULE: ReadonlyArray<readonly [number, readonly Dose[]]> = [
  [56, [SIX_IN_ONE, ROTA, MENB]],
  [84, [SIX_IN_ONE, PCV, ROTA]],
  [112, [SIX_IN_ONE, MENB]],
  [366, [[VACCINE.hibMenC, 'Hib/MenC vaccine'], MMR, PCV, MENB]],
  [1222, [[VACCINE.fourInOne, '4-in-1 pre-school booster (DTaP/IPV)'], MMR]],
];
/** [age in days, weight kg, length/height cm, head circumference cm]. */
const GROWTH: ReadonlyArray<readonly [number, number, number, number?]> = [
  [14, 3.7, 53.0, 36.5], [56, 5.6, 58.4, 39.6], [84, 6.4, 61.2, 40.9], [112, 7.1, 63.8, 42.0], [270, 9.0, 71.5, 44.9],
  [366, 9.8, 75.6, 46.1], [730, 12.3, 87.4], [1222, 15.1, 98.2], [1950, 19.0, 111.6], [2566, 23.2, 122.1],
];

export function child(ctx: Ctx): void {
  const born = ctx.patient.birthDate;
  allergy(ctx, ALLERGEN.peanut, { recorded: ctx.source.id === 'gp' ? '2021-06-18' : '2022-11-03', onset: '2021-06-12', criticality: 'high', category: 'food', reactions: [REACTION.urticaria, REACTION.vomiting], severity: 'moderate', note: 'Reaction to peanut butter. Adrenaline auto-injector prescribed; school care plan in place.' });
  if (ctx.source.id === 'acute') {
    const ed = encounter(ctx, { start: at('2022-11-03', '19:40'), end: at('2022-11-04', '02:10'), type: ENCOUNTER_TYPE.emergency, klass: 'EMER', reason: CONDITION.febrileConvulsion, service: 'Paediatric emergency department' });
    condition(ctx, CONDITION.febrileConvulsion, { onset: '2022-11-03', abatement: '2022-11-03', encounter: ref(ed), note: 'Simple febrile convulsion, 2 minutes; viral URTI.' });
    ([['19:55', 39.4, 158, 34, 96], ['22:00', 38.1, 136, 28, 98], ['01:30', 37.4, 118, 24, 99]] as const).forEach(([t, temp, hr, rr, sats]) => {
      const when = t < '12:00' ? at('2022-11-04', t) : at('2022-11-03', t);
      observation(ctx, VITAL.temperature, temp, when, { encounter: ref(ed) });
      observation(ctx, VITAL.heartRate, hr, when, { encounter: ref(ed) });
      observation(ctx, VITAL.respiratoryRate, rr, when, { encounter: ref(ed) });
      observation(ctx, VITAL.spo2, sats, when, { encounter: ref(ed) });
    });
    letter(ctx, { title: 'Emergency department discharge letter', date: '2022-11-04', author: 'Dr S Mahmood, Paediatric Registrar', encounter: ref(ed),
      body: 'Oliver Brown (DOB 05-May-2019), NHS 999 047 5156.\nSimple febrile convulsion with viral URTI. Observations settled; discharged home with parents.\nFebrile convulsion advice leaflet given. Known peanut allergy.\n' });
    return;
  }
  SCHEDULE.forEach(([days, doses]) => doses.forEach(([v, text], i) => immunization(ctx, v, at(addDays(born, days), `10:${String(10 + i * 5)}`), { text })));
  ['2021-10-12', '2022-10-18', '2023-10-10', '2024-10-15', '2025-10-14'].forEach((d) => immunization(ctx, VACCINE.fluNasal, at(d, '15:40'), { text: 'Children\'s nasal flu vaccine (LAIV)' }));
  GROWTH.forEach(([days, kg, cm, head]) => {
    const when = at(addDays(born, days), '10:00');
    observation(ctx, VITAL.weight, kg, when);
    observation(ctx, VITAL.height, cm, when);
    if (head !== undefined) observation(ctx, VITAL.headCircumference, head, when);
  });
  condition(ctx, CONDITION.eczema, { onset: '2019-09-24' });
  condition(ctx, CONDITION.otitisMedia, { onset: '2023-01-09', abatement: '2023-01-20' });
  encounter(ctx, { start: '2023-01-09', type: ENCOUNTER_TYPE.consultation, klass: 'AMB', reason: CONDITION.otitisMedia, service: 'General practice' });
}
