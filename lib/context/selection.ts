/** The NHS number a clinician has selected, for the "Look up NHS number …" menu item. */
import { checkNhsNumber, NHS_NUMBER_IN_TEXT } from './nhs-number';

/** Longer selections are paragraphs, not a number picked out to look up. */
const MAX_SELECTION = 200;

/**
 * The one valid NHS number in a selection, or null: none, or several different ones (a selection
 * across two patients' rows must not look up either).
 * @param text - the selected text
 */
export function nhsNumberInSelection(text: string): string | null {
  if (text.length > MAX_SELECTION) return null;
  const valid = new Set<string>();
  for (const match of text.matchAll(NHS_NUMBER_IN_TEXT)) {
    const check = checkNhsNumber(match[0]);
    if (check.valid) valid.add(check.value);
  }
  return valid.size === 1 ? [...valid][0]! : null;
}
