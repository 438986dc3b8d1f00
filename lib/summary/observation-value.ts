/**
 * An Observation's value exactly as sent, for every R4 value[x] type, with its comparator and
 * unit, and each component under its own label. A systolic/diastolic pair is drawn only for a
 * blood pressure (lib/fhir/observation-vocabulary.ts); any other two components are two values.
 */
import { BLOOD_PRESSURE_PANELS, DIASTOLIC, SYSTOLIC } from '../fhir/observation-vocabulary';
import { codeKeys, conceptText } from './codeable-text';
import { formatDate } from './display-date';
import { obj, objs, str } from './fields';
import type { ResultPoint } from './model';

export type ValueReading = Pick<ResultPoint, 'value' | 'value2' | 'display' | 'unit'>;

interface Quantity {
  readonly value: number;
  readonly unit?: string;
  /** `<`, `<=`, `>=`, `>`: "<1" is not 1, and is never shown or copied as 1. */
  readonly comparator?: string;
}

/** A Quantity, or undefined when it carries no number. */
export function quantity(value: Record<string, unknown> | undefined): Quantity | undefined {
  if (!value || typeof value['value'] !== 'number') return undefined;
  return { value: value['value'], unit: str(value, 'unit') ?? str(value, 'code'), comparator: str(value, 'comparator') };
}

const number = (q: Quantity) => `${q.comparator ?? ''}${q.value}`;
const shown = (q: Quantity) => `${number(q)}${q.unit ? ` ${q.unit}` : ''}`;

const dateTimeWords = (value: string) => `${formatDate(value)}${value.length > 10 ? ` ${value.slice(11, 16)}` : ''}`;

/**
 * The `value[x]` of an Observation or a component, or undefined when none was sent.
 * Quantity, CodeableConcept, string, boolean, integer, Range, Ratio, SampledData, time, dateTime, Period.
 */
export function valueOf(holder: Record<string, unknown>): ValueReading | undefined {
  const q = quantity(obj(holder, 'valueQuantity'));
  if (q) return { value: q.value, unit: q.unit, display: shown(q) };
  const concept = obj(holder, 'valueCodeableConcept');
  if (concept) return { display: conceptText(concept, 'coded value') };
  const text = str(holder, 'valueString');
  if (text) return { display: text };
  if (typeof holder['valueBoolean'] === 'boolean') return { display: holder['valueBoolean'] ? 'Yes' : 'No' };
  if (typeof holder['valueInteger'] === 'number') return { value: holder['valueInteger'], display: String(holder['valueInteger']) };
  const range = obj(holder, 'valueRange');
  if (range) {
    const [low, high] = [quantity(obj(range, 'low')), quantity(obj(range, 'high'))];
    if (low || high) return { display: low && high ? `${number(low)}–${shown(high)}` : low ? `≥ ${shown(low)}` : `≤ ${shown(high!)}` };
  }
  const ratio = obj(holder, 'valueRatio');
  if (ratio) {
    const [top, bottom] = [quantity(obj(ratio, 'numerator')), quantity(obj(ratio, 'denominator'))];
    if (top) return { display: bottom ? `${shown(top)} / ${shown(bottom)}` : shown(top) };
  }
  if (obj(holder, 'valueSampledData')) return { display: 'Sampled data (a waveform): not shown here, open it in the source system' };
  const time = str(holder, 'valueTime');
  if (time) return { display: time.slice(0, 5) };
  const at = str(holder, 'valueDateTime');
  if (at) return { display: dateTimeWords(at) };
  const period = obj(holder, 'valuePeriod');
  if (period && (str(period, 'start') || str(period, 'end'))) {
    return { display: `${str(period, 'start') ? dateTimeWords(str(period, 'start')!) : '?'} to ${str(period, 'end') ? dateTimeWords(str(period, 'end')!) : 'ongoing'}` };
  }
  return undefined;
}

/** Why a value is missing, in words, from `dataAbsentReason`. */
function absentWords(holder: Record<string, unknown>): string {
  const absent = obj(holder, 'dataAbsentReason');
  return absent ? `No value: ${conceptText(absent, 'not given')}` : 'No value sent';
}

/** Systolic over diastolic, saying which of the two was not recorded. */
function bloodPressure(components: readonly Record<string, unknown>[]): ValueReading | undefined {
  const find = (code: string) => components.find((c) => codeKeys(obj(c, 'code')).includes(code));
  const [systolic, diastolic] = [find(SYSTOLIC), find(DIASTOLIC)];
  const [s, d] = [quantity(obj(systolic ?? {}, 'valueQuantity')), quantity(obj(diastolic ?? {}, 'valueQuantity'))];
  if (!s && !d) return undefined;
  const unit = s?.unit ?? d?.unit;
  const pair = `${s ? number(s) : '–'}/${d ? number(d) : '–'}${unit ? ` ${unit}` : ''}`;
  const missing = [!s && 'systolic', !d && 'diastolic'].filter(Boolean);
  return {
    ...(s ? { value: s.value } : {}), ...(d && s ? { value2: d.value } : {}), unit,
    display: missing.length > 0 ? `${pair} (${missing.join(' and ')} not recorded)` : pair,
  };
}

/** The value of an Observation as a point: its own value, each component labelled, or why there is none. */
export function observationValue(resource: Record<string, unknown>): ValueReading {
  const own = valueOf(resource);
  const components = objs(resource, 'component');
  const isBloodPressure = codeKeys(obj(resource, 'code')).some((c) => BLOOD_PRESSURE_PANELS.includes(c));
  const pair = isBloodPressure && !own ? bloodPressure(components) : undefined;
  if (pair) return pair;
  if (components.length === 0) return own ?? { display: absentWords(resource) };
  const labelled = components.map((c) => `${conceptText(obj(c, 'code'), 'Component')}: ${valueOf(c)?.display ?? absentWords(c)}`);
  // One number of its own keeps the trend; components are read beside it, each under its label.
  return own ? { ...own, display: [own.display, ...labelled].join('; ') } : { display: labelled.join('; ') };
}
