/** dm+d virtual medicinal products (VMPs) prescribed in the stories. */
import { dmd } from './systems';

export const MED = {
  metformin500: dmd('325278007', 'Metformin 500mg tablets'),
  simvastatin40: dmd('320000009', 'Simvastatin 40mg tablets'),
  amlodipine5: dmd('319283006', 'Amlodipine 5mg tablets'),
  ramipril2_5: dmd('318901008', 'Ramipril 2.5mg capsules'),
  bendroflumethiazide2_5: dmd('317919004', 'Bendroflumethiazide 2.5mg tablets'),
  furosemide40: dmd('317972000', 'Furosemide 40mg tablets'),
  bisoprolol2_5: dmd('318590006', 'Bisoprolol 2.5mg tablets'),
  apixaban5: dmd('42206511000001102', 'Apixaban 5mg tablets'),
  lithium450mr: dmd('36040211000001104', 'Lithium carbonate 450mg modified-release tablets'),
  levothyroxine50: dmd('315404007', 'Levothyroxine sodium 50microgram tablets'),
  clozapine100: dmd('321534002', 'Clozapine 100mg tablets'),
  sertraline50: dmd('321944004', 'Sertraline 50mg tablets'),
  citalopram20: dmd('321987003', 'Citalopram 20mg tablets'),
  salbutamolInhaler: dmd('39113611000001102', 'Salbutamol 100micrograms/dose inhaler CFC free'),
  omeprazole20: dmd('317335003', 'Omeprazole 20mg gastro-resistant capsules'),
  paracetamol500: dmd('322236009', 'Paracetamol 500mg tablets'),
  amoxicillin500: dmd('323509004', 'Amoxicillin 500mg capsules'),
  letrozole2_5: dmd('326184004', 'Letrozole 2.5mg tablets'),
  capecitabine500: dmd('408133002', 'Capecitabine 500mg tablets'),
  ondansetron8: dmd('324893004', 'Ondansetron 8mg tablets'),
  donepezil10: dmd('407651006', 'Donepezil 10mg tablets'),
  alendronicAcid70: dmd('329651007', 'Alendronic acid 70mg tablets'),
} as const;
