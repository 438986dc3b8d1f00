/**
 * p09: the acute trust registered the same man twice (an ED registration in 2025 missed the
 * existing record). Two Patients share one NHS number with different MRNs; each has its own data.
 */
import { at } from '../clock';
import { CONDITION, ENCOUNTER_TYPE } from '../codes/snomed';
import { LAB, PANEL } from '../codes/loinc';
import { MED } from '../codes/dmd';
import type { Ctx } from '../builders/context';
import { ref } from '../builders/context';
import { condition } from '../builders/problems';
import { encounter } from '../builders/events';
import { bloodPressure, observation, panel } from '../builders/observations';
import { prescribe } from '../builders/medications';
import { letter } from '../builders/care';
import { clinicDates, draw } from './helpers';

export const DUPLICATE_ID_SUFFIX = '-dup';

export function duplicatePatient(ctx: Ctx): void {
  const { rng } = ctx;
  if (ctx.source.id === 'gp') {
    condition(ctx, CONDITION.gord, { onset: '2015-10-06' });
    prescribe(ctx, MED.omeprazole20, { authoredOn: '2015-10-06', dose: 'One capsule once a day before breakfast', lastIssued: '2026-10-19', quantity: { value: 28, unit: 'capsule' } });
    clinicDates(rng, '2019-03-01', '2026-09-01', 365, 20).forEach((d) => bloodPressure(ctx, rng.around(128, 8, 0), rng.around(80, 5, 0), at(d, '10:10')));
    return;
  }
  encounter(ctx, { start: '2019-06-12', type: ENCOUNTER_TYPE.consultation, klass: 'AMB', reason: CONDITION.gord, service: 'Gastroenterology outpatient clinic' });
  panel(ctx, PANEL.fbc, [[LAB.hb, 149], [LAB.wbc, 6.2], [LAB.platelets, 251]], draw(rng, '2019-06-12'));
  // The second registration: everything below belongs to Patient/p09-acute-dup.
  ctx.subject = { reference: `Patient/${ctx.patientId}${DUPLICATE_ID_SUFFIX}` };
  const ed = encounter(ctx, { start: at('2025-04-02', '22:15'), end: at('2025-04-03', '04:40'), type: ENCOUNTER_TYPE.emergency, klass: 'EMER', service: 'Emergency department' });
  condition(ctx, CONDITION.gord, { onset: '2015-10-06', recorded: '2025-04-03', encounter: ref(ed), note: 'Non-cardiac chest pain, likely reflux. ECG normal.' });
  panel(ctx, PANEL.renal, [[LAB.sodium, 140], [LAB.potassium, 4.1], [LAB.creatinine, 88]], at('2025-04-02', '22:40'), { encounter: ref(ed) });
  observation(ctx, LAB.crp, 3, at('2025-04-02', '22:40'), { encounter: ref(ed) });
  letter(ctx, { title: 'Emergency department discharge letter', date: '2025-04-03', author: 'Dr C Nwosu, ED Registrar', encounter: ref(ed),
    body: 'Mr John Smith, DOB 04-Apr-1972, NHS 999 079 1910.\nAttended with central chest pain after a large meal. ECG and bloods normal.\nImpression: reflux. Continue omeprazole. Return if pain recurs.\n' });
  ctx.subject = { reference: `Patient/${ctx.patientId}` };
}
