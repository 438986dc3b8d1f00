/**
 * Which reference range a value is read against. R4 Observation.referenceRange may repeat, "for
 * different populations or age groups, or for different meanings (normal, therapeutic, critical…)":
 * the normal range is one without a `type` or of type `normal`, for no narrower population
 * (`appliesTo`, `age`). Where several normal ranges each apply to a population the summary cannot
 * choose between, none is presented as the range; every range sent is listed in words.
 */
import { NORMAL_RANGE_TYPES } from '../fhir/observation-vocabulary';
import { codings, conceptText } from './codeable-text';
import { obj, objs, str } from './fields';
import type { ResultPoint } from './model';
import { quantity } from './observation-value';

type RangeFields = Pick<ResultPoint, 'range' | 'low' | 'high' | 'otherRanges'>;

function bounds(range: Record<string, unknown>) {
  const [low, high] = [quantity(obj(range, 'low')), quantity(obj(range, 'high'))];
  const unit = high?.unit ?? low?.unit;
  const made = low && high ? `${low.value}–${high.value}` : low ? `≥ ${low.value}` : high ? `≤ ${high.value}` : undefined;
  return { low: low?.value, high: high?.value, words: str(range, 'text') ?? (made && `${made}${unit ? ` ${unit}` : ''}`) };
}

const isNormal = (range: Record<string, unknown>) => {
  const type = obj(range, 'type');
  return !type || codings(type).some((c) => typeof c.code === 'string' && NORMAL_RANGE_TYPES.has(c.code));
};
const isNarrowed = (range: Record<string, unknown>) => objs(range, 'appliesTo').length > 0 || obj(range, 'age') !== undefined;

/** A range in words with what it applies to: `3.5–5.0 mmol/L (therapeutic; age 18–65 a)`. */
function qualified(range: Record<string, unknown>): string | undefined {
  const words = bounds(range).words;
  if (!words) return undefined;
  const age = obj(range, 'age');
  const ageBounds = age ? bounds(age).words : undefined;
  const type = obj(range, 'type');
  const notes = [
    type && !isNormal(range) ? conceptText(type, '') : undefined,
    ...objs(range, 'appliesTo').map((a) => conceptText(a, '')),
    ageBounds && `age ${ageBounds}`,
  ].filter(Boolean);
  return notes.length > 0 ? `${words} (${notes.join('; ')})` : words;
}

/** The normal range of a value, and every other range sent. */
export function rangesOf(resource: Record<string, unknown>): RangeFields {
  const all = objs(resource, 'referenceRange');
  if (all.length === 0) return {};
  const normals = all.filter(isNormal);
  const chosen = normals.find((r) => !isNarrowed(r)) ?? (normals.length === 1 ? normals[0] : undefined);
  const others = all.filter((r) => r !== chosen).map(qualified).filter((w): w is string => Boolean(w));
  const main = chosen ? bounds(chosen) : undefined;
  return {
    ...(main?.words ? { range: chosen && isNarrowed(chosen) ? qualified(chosen) : main.words, low: main.low, high: main.high } : {}),
    ...(others.length > 0 ? { otherRanges: others } : {}),
  };
}
