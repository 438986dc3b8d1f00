/**
 * NHS number parsing, validation and display.
 * A number is 10 digits; the 10th is a modulus-11 check digit over the first nine, weighted 10..2.
 * A number that fails the check is never used as patient context: a mistyped or partial number
 * must not open somebody else's record.
 */

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';

export type NhsNumberCheck =
  | { readonly valid: true; readonly value: string }
  | { readonly valid: false; readonly value: string; readonly reason: string };

/** Spaces (including no-break and thin spaces) and dashes (including Unicode dashes) between groups. */
const SEPARATOR = '[\\s\\u00a0\\u2009\\u202f\\u2010-\\u2015-]';

/** Ten digits together, or grouped 3-3-4 as printed; any other grouping is not an NHS number. */
const WRITTEN = new RegExp(`^(?:\\d{10}|\\d{3}${SEPARATOR}\\d{3}${SEPARATOR}\\d{4})$`);

/** Strips the separators clinicians and systems use (spaces, dashes) and nothing else. */
function normalise(raw: string): string {
  return raw.trim().replace(new RegExp(SEPARATOR, 'g'), '');
}

/** Computes the check digit for nine digits, or null when no valid number can end them. */
export function nhsCheckDigit(firstNine: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? null : check;
}

/**
 * Validates an NHS number as written on a page.
 * @param raw - digits, optionally grouped 3-3-4 with spaces or dashes (`943 476 5919`, `943-476-5919`)
 */
export function checkNhsNumber(raw: string): NhsNumberCheck {
  const value = normalise(raw);
  if (!/^\d{10}$/.test(value)) return { valid: false, value, reason: 'it is not 10 digits' };
  if (!WRITTEN.test(raw.trim())) return { valid: false, value, reason: 'its digits are not grouped 3-3-4' };
  // All-same-digit numbers pass modulus 11 for some digits but are placeholders, never real.
  if (/^(\d)\1{9}$/.test(value)) return { valid: false, value, reason: 'it is a placeholder (all one digit)' };
  if (nhsCheckDigit(value.slice(0, 9)) !== Number(value[9])) {
    return { valid: false, value, reason: 'its check digit is wrong' };
  }
  return { valid: true, value };
}

/** True when `raw` is a valid NHS number. */
export function isValidNhsNumber(raw: string): boolean {
  return checkNhsNumber(raw).valid;
}

/** Formats 10 digits as 3-3-4 (`943 476 5919`), the way NHS guidance says to show them. */
export function formatNhsNumber(value: string): string {
  const digits = normalise(value);
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : value;
}

/** A patient identifier as a clinician reads it: an NHS number grouped 3-3-4, anything else as sent. */
export function identifierLabel(identifier: { readonly system: string; readonly value: string }): string {
  return identifier.system === NHS_NUMBER_SYSTEM ? formatNhsNumber(identifier.value) : identifier.value;
}

/** Where NHS numbers may be written in free text: 10 digits, alone or grouped 3-3-4. */
export const NHS_NUMBER_IN_TEXT = new RegExp(`(?<![\\d])\\d{3}${SEPARATOR}?\\d{3}${SEPARATOR}?\\d{4}(?![\\d])`, 'g');
