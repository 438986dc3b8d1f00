/**
 * p07: an 88-year-old with dementia and AF who fractured her hip in August 2026, developed
 * hospital-acquired pneumonia and died on 19-Aug-2026. Both sources carry deceasedDateTime.
 */
import { at } from '../clock';
import { CONDITION, ENCOUNTER_TYPE, PROCEDURE } from '../codes/snomed';
import { LAB, PANEL, VITAL } from '../codes/loinc';
import { MED } from '../codes/dmd';
import type { Ctx } from '../builders/context';
import { ref } from '../builders/context';
import { condition, noKnownAllergies } from '../builders/problems';
import { encounter, procedure } from '../builders/events';
import { bloodPressure, observation, panel, report } from '../builders/observations';
import { prescribe } from '../builders/medications';
import { imagingStudy, letter } from '../builders/care';
import { draw } from './helpers';

const DIED = '2026-08-19';
/** [day of admission, Hb, WBC, CRP, temp, HR, RR, SpO2, systolic]: a deteriorating course. */
const COURSE = [
  ['2026-08-10', 118, 9.1, 12, 36.8, 88, 18, 95, 148], ['2026-08-12', 101, 10.4, 64, 37.4, 92, 18, 95, 131],
  ['2026-08-14', 99, 9.8, 41, 37.0, 86, 17, 96, 134], ['2026-08-15', 97, 14.6, 132, 38.4, 104, 24, 91, 118],
  ['2026-08-17', 96, 17.9, 186, 38.9, 116, 28, 88, 102], ['2026-08-18', 94, 19.2, 201, 38.2, 124, 32, 86, 94],
] as const;

export function deceased(ctx: Ctx): void {
  if (ctx.source.id === 'gp') {
    noKnownAllergies(ctx, '2001-02-20');
    condition(ctx, CONDITION.hypertension, { onset: '2001-02-20' });
    condition(ctx, CONDITION.osteoporosis, { onset: '2016-03-30' });
    condition(ctx, CONDITION.atrialFibrillation, { onset: '2019-08-07' });
    condition(ctx, CONDITION.dementia, { onset: '2021-04-13', note: 'Alzheimer\'s type. Lives in Oakwood care home since 2024.' });
    const stop = { status: 'stopped' as const, end: DIED, note: 'Patient died 19-Aug-2026.' };
    prescribe(ctx, MED.amlodipine5, { authoredOn: '2001-02-20', dose: 'One tablet once a day', ...stop });
    prescribe(ctx, MED.alendronicAcid70, { authoredOn: '2016-03-30', dose: 'One tablet once a week, on the same day each week, 30 minutes before breakfast', ...stop });
    prescribe(ctx, MED.apixaban5, { authoredOn: '2019-08-07', dose: 'One tablet twice a day', ...stop });
    prescribe(ctx, MED.donepezil10, { authoredOn: '2021-05-11', dose: 'One tablet at night', ...stop });
    ['2024-06-03', '2025-06-10', '2026-06-02'].forEach((d, i) => bloodPressure(ctx, 146 - i * 6, 78, at(d, '11:00')));
    encounter(ctx, { start: '2026-08-22', type: ENCOUNTER_TYPE.problem, klass: 'VR', service: 'General practice - notification of death from St Elsewhere' });
    return;
  }
  const stay = encounter(ctx, { start: at('2026-08-10', '07:55'), end: ctx.patient.deceasedDateTime ?? at(DIED, '04:10'), type: ENCOUNTER_TYPE.emergency, klass: 'IMP', reason: CONDITION.fracturedNeckOfFemur, service: 'Orthogeriatrics', died: true });
  const xray = imagingStudy(ctx, { date: '2026-08-10', modality: 'DX', description: 'X-ray pelvis and left hip', images: 2 });
  report(ctx, PANEL.imaging, '2026-08-10', { serviceCategory: 'RAD', text: 'X-ray pelvis and left hip', imagingStudy: [ref(xray)], encounter: ref(stay), conclusion: 'Displaced intracapsular fracture of the left femoral neck.' });
  const nof = condition(ctx, CONDITION.fracturedNeckOfFemur, { onset: '2026-08-10', encounter: ref(stay), note: 'Fall in care home.' });
  procedure(ctx, PROCEDURE.hipReplacement, { date: at('2026-08-11', '13:20'), text: 'Left hip hemiarthroplasty', performer: 'Mr J Whitlock, Consultant Orthopaedic Surgeon', reason: ref(nof) });
  condition(ctx, CONDITION.pneumonia, { onset: '2026-08-15', encounter: ref(stay), note: 'Hospital-acquired pneumonia, right lower lobe.' });
  condition(ctx, CONDITION.dementia, { onset: '2021-04-13', recorded: '2026-08-10', encounter: ref(stay) });
  COURSE.forEach(([d, hb, wbc, crp, temp, hr, rr, sats, sys]) => {
    const when = draw(ctx.rng, d);
    panel(ctx, PANEL.fbc, [[LAB.hb, hb], [LAB.wbc, wbc]], when, { encounter: ref(stay) });
    observation(ctx, LAB.crp, crp, when, { encounter: ref(stay) });
    const obsAt = at(d, '14:00');
    observation(ctx, VITAL.temperature, temp, obsAt, { encounter: ref(stay) });
    observation(ctx, VITAL.heartRate, hr, obsAt, { encounter: ref(stay) });
    observation(ctx, VITAL.respiratoryRate, rr, obsAt, { encounter: ref(stay) });
    observation(ctx, VITAL.spo2, sats, obsAt, { encounter: ref(stay) });
    bloodPressure(ctx, sys, 60, obsAt, { encounter: ref(stay) });
  });
  letter(ctx, { title: 'Death summary', date: DIED, author: 'Dr E Barker, Consultant Orthogeriatrician', encounter: ref(stay),
    body: 'Mrs Gwen Evans, NHS 999 063 3533, died 19-Aug-2026 at 04:10 on Ward 14.\nAdmitted 10-Aug-2026 with left intracapsular NOF fracture after a fall; hemiarthroplasty 11-Aug-2026.\nDeveloped hospital-acquired pneumonia 15-Aug-2026. Ceiling of care ward-based, agreed with daughter. Died peacefully.\nCause of death: 1a pneumonia, 1b fractured neck of femur; 2 Alzheimer\'s dementia.\n' });
}
