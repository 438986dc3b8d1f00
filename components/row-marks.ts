/** Words for the marks a row can carry: never colour alone. */
import type { ChangeMark } from '../lib/summary/diff';

export const CHANGE_WORDS: Record<ChangeMark, string> = {
  new: 'New',
  'new-result': 'New result',
  stopped: 'Stopped',
  restarted: 'Restarted',
};

/** The row's sources in configured order, each once. */
export function orderedSources(ids: readonly string[], order: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  return unique.sort((a, b) => (order.indexOf(a) + 1 || Infinity) - (order.indexOf(b) + 1 || Infinity));
}
