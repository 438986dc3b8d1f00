/**
 * Dates from every form of a FHIR choice element (`onset[x]`, `abatement[x]`, `effective[x]`,
 * `occurrence[x]`, `performed[x]`): a date when one was sent, else the words that were (an age,
 * a range of ages, a free-text "childhood"), so no form of a date is dropped.
 */
import { formatDate } from './display-date';
import { obj, str } from './fields';

export interface ChoiceDate {
  /** ISO date to sort and show by: the dateTime, instant or the Period's start. */
  readonly date?: string;
  /** The Period's end, where sent. */
  readonly end?: string;
  /** What was sent when it is not a date: `age 52 years`, `childhood`. */
  readonly words?: string;
}

function quantityWords(value: Record<string, unknown> | undefined): string | undefined {
  if (!value || typeof value['value'] !== 'number') return undefined;
  const unit = str(value, 'unit') ?? str(value, 'code');
  return `${String(value['value'])}${unit ? ` ${unit}` : ''}`;
}

/**
 * Reads `<prefix>DateTime`, `Instant`, `Period`, `Age`, `Range`, `String` (and `Boolean`, for an abatement).
 * @param prefix - the element's name without `[x]`, e.g. `onset`
 */
export function choiceDate(resource: Record<string, unknown>, prefix: string): ChoiceDate {
  const at = str(resource, `${prefix}DateTime`) ?? str(resource, `${prefix}Instant`);
  if (at) return { date: at };
  const period = obj(resource, `${prefix}Period`);
  if (period && (str(period, 'start') || str(period, 'end'))) {
    const [start, end] = [str(period, 'start'), str(period, 'end')];
    return { date: start, end, ...(start ? {} : { words: `until ${formatDate(end)}` }) };
  }
  const age = quantityWords(obj(resource, `${prefix}Age`));
  if (age) return { words: `age ${age}` };
  const range = obj(resource, `${prefix}Range`);
  if (range) {
    const [low, high] = [quantityWords(obj(range, 'low')), quantityWords(obj(range, 'high'))];
    if (low || high) return { words: `age ${low ?? '?'} to ${high ?? '?'}` };
  }
  const text = str(resource, `${prefix}String`);
  if (text) return { words: text };
  if (resource[`${prefix}Boolean`] === true) return { words: 'yes' };
  return {};
}
