/** Which generator tells which story (roster.ts names the story per patient). */
import type { Story } from '../roster';
import type { Ctx } from '../builders/context';
import { breastCancer } from './breast-cancer';
import { bowelCancer } from './bowel-cancer';
import { bipolarLithium } from './bipolar-lithium';
import { diabetesDedup } from './diabetes-dedup';
import { ckd } from './ckd';
import { child } from './child';
import { deceased } from './deceased';
import { oneSource } from './one-source';
import { duplicatePatient } from './duplicate-patient';
import { hugeRecord } from './huge-record';
import { typicalThreeSources } from './typical-three-sources';
import { schizophreniaClozapine } from './schizophrenia-clozapine';
import { copdHeartFailure } from './copd-heart-failure';

export const STORIES: Readonly<Record<Story, (ctx: Ctx) => void>> = {
  'breast-cancer': breastCancer,
  'bowel-cancer': bowelCancer,
  'bipolar-lithium': bipolarLithium,
  'diabetes-dedup': diabetesDedup,
  ckd,
  child,
  deceased,
  'one-source': oneSource,
  'duplicate-patient': duplicatePatient,
  'huge-record': hugeRecord,
  'typical-three-sources': typicalThreeSources,
  'schizophrenia-clozapine': schizophreniaClozapine,
  'copd-heart-failure': copdHeartFailure,
};
