/** SNOMED CT international vaccine product concepts for the UK routine schedule. */
import { snomed } from './systems';

export const VACCINE = {
  sixInOne: snomed('871895005', 'Diphtheria and Haemophilus influenzae type B and hepatitis B and pertussis and poliomyelitis and tetanus vaccine'),
  rotavirus: snomed('871761004', 'Rotavirus vaccine'),
  pcv13: snomed('1119254000', 'Pneumococcal 13-valent conjugate vaccine'),
  hibMenC: snomed('836500008', 'Haemophilus influenzae type B and meningitis C vaccine'),
  mmr: snomed('871831003', 'Measles and mumps and rubella vaccine'),
  fourInOne: snomed('871893003', 'Diphtheria and acellular pertussis and inactivated poliomyelitis and tetanus vaccine'),
  fluNasal: snomed('871768005', 'Influenza vaccine in nasal dose form'),
  flu: snomed('836377006', 'Influenza virus antigen-containing vaccine product'),
} as const;
