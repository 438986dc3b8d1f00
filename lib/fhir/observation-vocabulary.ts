/** Observation codes and interpretations the summary reads, each from the binding it follows. */
import { loinc } from './code-systems';

/**
 * Blood pressure, the only Observation drawn as a "systolic/diastolic" pair: the R4 vital-signs
 * profile's panel (LOINC 85354-9; 55284-4 in older records) with components systolic 8480-6 and
 * diastolic 8462-4 (http://hl7.org/fhir/R4/bp.html). Any other two components are two values.
 */
export const BLOOD_PRESSURE_PANELS: readonly string[] = [loinc('85354-9'), loinc('55284-4')];
export const SYSTOLIC = loinc('8480-6');
export const DIASTOLIC = loinc('8462-4');

/**
 * HL7 v3 ObservationInterpretation (the R4 binding of Observation.interpretation), in the words a
 * clinician reads when the source sent no display of its own. N (normal) is not drawn as a flag.
 */
export const INTERPRETATION_WORDS: Readonly<Record<string, string>> = {
  H: 'High', HH: 'Critical high', HU: 'Significantly high', L: 'Low', LL: 'Critical low', LU: 'Significantly low',
  A: 'Abnormal', AA: 'Critical abnormal', '<': 'Off scale low', '>': 'Off scale high',
  POS: 'Positive', NEG: 'Negative', DET: 'Detected', ND: 'Not detected', IND: 'Indeterminate', E: 'Equivocal',
  R: 'Resistant', S: 'Susceptible', I: 'Intermediate', SDD: 'Susceptible, dose dependent', NS: 'Non-susceptible',
  EXP: 'Expected', UNE: 'Unexpected', B: 'Better', W: 'Worse', U: 'Significant change up', D: 'Significant change down',
  NR: 'Non-reactive', RR: 'Reactive', WR: 'Weakly reactive', IE: 'Insufficient evidence', CAR: 'Carrier', N: 'Normal',
};
/** Critical interpretations: the row is drawn as an alert. */
export const CRITICAL_INTERPRETATIONS: ReadonlySet<string> = new Set(['HH', 'LL', 'AA']);

/**
 * referencerange-meaning: `normal` (or no type at all, "the normal range is assumed") is the range a
 * value is read against; `recommended`, `treatment`, `therapeutic` and the like are other bands,
 * never presented as the normal range (R4 Observation.referenceRange.type).
 */
export const NORMAL_RANGE_TYPES: ReadonlySet<string> = new Set(['normal']);
