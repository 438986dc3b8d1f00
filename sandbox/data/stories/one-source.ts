/**
 * p08: known to the GP only (asthma, anxiety, an NSAID allergy); no hospital record anywhere. His
 * medicines read as a GP system lists them: repeats with last issue and review date, acutes of this
 * year and an old one, and a repeat stopped two months ago.
 */
import { at } from '../clock';
import { ALLERGEN, CONDITION, ENCOUNTER_TYPE, FINDING, REACTION } from '../codes/snomed';
import { OTHER, VITAL } from '../codes/loinc';
import { MED } from '../codes/dmd';
import type { Ctx } from '../builders/context';
import { concept } from '../builders/context';
import { allergy, condition } from '../builders/problems';
import { encounter } from '../builders/events';
import { bloodPressure, coded, observation } from '../builders/observations';
import { prescribe } from '../builders/medications';
import { clinicDates } from './helpers';

export function oneSource(ctx: Ctx): void {
  const { rng } = ctx;
  allergy(ctx, ALLERGEN.ibuprofen, { recorded: '2008-09-15', criticality: 'high', category: 'medication', reactions: [REACTION.bronchospasm], severity: 'severe', note: 'NSAID-exacerbated asthma. Avoid all NSAIDs.' });
  condition(ctx, CONDITION.asthma, { onset: '2002-04-09' });
  condition(ctx, CONDITION.anxiety, { onset: '2022-03-01' });
  condition(ctx, CONDITION.lowBackPain, { onset: '2024-01-15', abatement: '2024-03-20' });
  prescribe(ctx, MED.salbutamolInhaler, { authoredOn: '2002-04-09', dose: 'Two puffs up to four times a day when required', lastIssued: '2026-09-03', quantity: { value: 1, unit: 'inhaler' }, issues: 4, reviewDate: '2027-03-01' });
  prescribe(ctx, MED.sertraline50, { authoredOn: '2022-03-01', dose: 'One tablet once a day', lastIssued: '2026-11-04', quantity: { value: 28, unit: 'tablet' }, issues: 11, reviewDate: '2027-02-15' });
  prescribe(ctx, MED.omeprazole20, { authoredOn: '2025-04-22', dose: 'One capsule once a day before breakfast', status: 'stopped', end: '2026-09-24', lastIssued: '2026-08-27', quantity: { value: 28, unit: 'capsule' }, note: 'Stopped: symptoms settled.' });
  prescribe(ctx, MED.amoxicillin500, { authoredOn: '2026-10-19', end: '2026-10-26', status: 'completed', courseOfTherapy: 'acute', dose: 'One capsule three times a day for 7 days', lastIssued: '2026-10-19', quantity: { value: 21, unit: 'capsule' } });
  prescribe(ctx, MED.paracetamol500, { authoredOn: '2024-01-15', end: '2024-02-12', status: 'completed', courseOfTherapy: 'acute', dose: 'One or two tablets up to four times a day when required', quantity: { value: 100, unit: 'tablet' } });
  coded(ctx, OTHER.smokingStatus, concept(FINDING.smoker), at('2022-03-01', '09:20'), 'social-history');
  clinicDates(rng, '2018-05-01', '2026-10-01', 365, 20).forEach((d) => {
    encounter(ctx, { start: d, type: ENCOUNTER_TYPE.followUp, klass: 'AMB', reason: CONDITION.asthma, service: 'General practice - asthma review' });
    bloodPressure(ctx, rng.around(124, 8, 0), rng.around(76, 6, 0), at(d, '09:30'));
    observation(ctx, VITAL.weight, rng.around(84, 3), at(d, '09:32'));
  });
}
