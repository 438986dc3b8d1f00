/**
 * The synthetic patients of the sandbox world: who they are, which sources know them, and the
 * clinical story each one tells. Every NHS number is in the 999 test range and passes the
 * modulus-11 check. Clinical content per story is generated from these entries, deterministically.
 */
import type { SourceId } from '../config';

export type Story =
  | 'breast-cancer'
  | 'bowel-cancer'
  | 'bipolar-lithium'
  | 'diabetes-dedup'
  | 'ckd'
  | 'child'
  | 'deceased'
  | 'one-source'
  | 'duplicate-patient'
  | 'huge-record'
  | 'typical-three-sources'
  | 'schizophrenia-clozapine'
  | 'copd-heart-failure';

export interface RosterPatient {
  /** Stable key used for resource ids (`<key>-<source>`), never shown to users. */
  readonly key: string;
  readonly nhsNumber: string;
  readonly prefix?: string;
  readonly given: string;
  readonly family: string;
  readonly gender: 'male' | 'female';
  readonly birthDate: string;
  readonly deceasedDateTime?: string;
  readonly postcode: string;
  readonly sources: readonly SourceId[];
  readonly story: Story;
}

export const ROSTER: readonly RosterPatient[] = [
  { key: 'p01', nhsNumber: '9990000018', prefix: 'Mrs', given: 'Susan', family: 'Holloway', gender: 'female', birthDate: '1962-03-14', postcode: 'LS1 4AB', sources: ['gp', 'acute'], story: 'breast-cancer' },
  { key: 'p02', nhsNumber: '9990158398', prefix: 'Mr', given: 'David', family: 'Okafor', gender: 'male', birthDate: '1955-09-02', postcode: 'LS6 2QT', sources: ['gp', 'acute'], story: 'bowel-cancer' },
  { key: 'p03', nhsNumber: '9990237581', prefix: 'Ms', given: 'Rhiannon', family: 'Price', gender: 'female', birthDate: '1979-07-23', postcode: 'LS9 7HD', sources: ['gp', 'acute', 'mh'], story: 'bipolar-lithium' },
  { key: 'p04', nhsNumber: '9990316775', prefix: 'Mr', given: 'Imran', family: 'Khan', gender: 'male', birthDate: '1968-11-30', postcode: 'BD3 9LP', sources: ['gp', 'acute'], story: 'diabetes-dedup' },
  { key: 'p05', nhsNumber: '9990395969', prefix: 'Mrs', given: 'Patricia', family: 'Walsh', gender: 'female', birthDate: '1945-07-14', postcode: 'LS12 5RT', sources: ['gp', 'acute'], story: 'ckd' },
  { key: 'p06', nhsNumber: '9990475156', given: 'Oliver', family: 'Brown', gender: 'male', birthDate: '2019-05-05', postcode: 'LS8 1NN', sources: ['gp', 'acute'], story: 'child' },
  { key: 'p07', nhsNumber: '9990633533', prefix: 'Mrs', given: 'Gwen', family: 'Evans', gender: 'female', birthDate: '1938-02-11', deceasedDateTime: '2026-08-19T04:10:00Z', postcode: 'HG1 2PX', sources: ['gp', 'acute'], story: 'deceased' },
  { key: 'p08', nhsNumber: '9990712727', prefix: 'Mr', given: 'Piotr', family: 'Nowak', gender: 'male', birthDate: '1990-01-17', postcode: 'LS11 6DF', sources: ['gp'], story: 'one-source' },
  { key: 'p09', nhsNumber: '9990791910', prefix: 'Mr', given: 'John', family: 'Smith', gender: 'male', birthDate: '1972-04-04', postcode: 'WF1 3JY', sources: ['gp', 'acute'], story: 'duplicate-patient' },
  { key: 'p10', nhsNumber: '9990871108', prefix: 'Mr', given: 'George', family: 'Taylor', gender: 'male', birthDate: '1950-12-01', postcode: 'LS16 8EW', sources: ['gp', 'acute'], story: 'huge-record' },
  { key: 'p11', nhsNumber: '9990950296', prefix: 'Ms', given: 'Fatima', family: 'Ahmed', gender: 'female', birthDate: '1985-06-19', postcode: 'LS7 3PG', sources: ['gp', 'acute', 'mh'], story: 'typical-three-sources' },
  { key: 'p12', nhsNumber: '9991029486', prefix: 'Mr', given: 'Daniel', family: 'Jones', gender: 'male', birthDate: '1988-10-10', postcode: 'LS10 4QA', sources: ['gp', 'mh'], story: 'schizophrenia-clozapine' },
  { key: 'p13', nhsNumber: '9991187863', prefix: 'Mrs', given: 'Edith', family: 'Morgan', gender: 'female', birthDate: '1940-01-29', postcode: 'YO1 7HH', sources: ['gp', 'acute'], story: 'copd-heart-failure' },
];

/** The patient the demo opens first (`npm start`) and the e2e loop test uses. */
export const FIRST_DEMO_PATIENT = ROSTER[0]!;
