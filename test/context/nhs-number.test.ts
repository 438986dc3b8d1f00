import { describe, expect, it } from 'vitest';
import { checkNhsNumber, formatNhsNumber, isValidNhsNumber, NHS_NUMBER_IN_TEXT } from '@/lib/context/nhs-number';

describe('NHS number', () => {
  it('accepts a valid number written with spaces, dashes or none', () => {
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('943-476-5919')).toBe(true);
    expect(isValidNhsNumber('9434765919')).toBe(true);
  });

  it('rejects a wrong check digit and says why', () => {
    expect(checkNhsNumber('9434765918')).toEqual({ valid: false, value: '9434765918', reason: 'its check digit is wrong' });
  });

  it('rejects numbers whose check digit would be 10', () => {
    // 999 000 000: the weighted sum leaves remainder 1, so no tenth digit can make it valid.
    const candidates = Array.from({ length: 10 }, (_, d) => `999000000${d}`);
    expect(candidates.filter(isValidNhsNumber)).toEqual([]);
  });

  it('rejects all-same-digit placeholders even when the arithmetic passes', () => {
    expect(checkNhsNumber('0000000000').valid).toBe(false);
    expect(checkNhsNumber('1111111111').valid).toBe(false);
  });

  it('rejects anything that is not 10 digits', () => {
    expect(checkNhsNumber('943476591').valid).toBe(false);
    expect(checkNhsNumber('94347659190').valid).toBe(false);
    expect(checkNhsNumber('943476591X').valid).toBe(false);
  });

  it('formats as 3-3-4', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });
});

describe('NHS number edge cases', () => {
  it('accepts 3-3-4 with no-break spaces, en dashes or mixed separators, and surrounding space', () => {
    expect(isValidNhsNumber('943\u00a0476\u00a05919')).toBe(true);
    expect(isValidNhsNumber('943\u2013476\u20135919')).toBe(true);
    expect(isValidNhsNumber('943 476-5919')).toBe(true);
    expect(isValidNhsNumber('  9434765919 ')).toBe(true);
  });

  it('rejects any other grouping of the same digits', () => {
    expect(checkNhsNumber('9434 765 919')).toMatchObject({ valid: false, reason: 'its digits are not grouped 3-3-4' });
    expect(checkNhsNumber('94 34 76 59 19').valid).toBe(false);
    expect(checkNhsNumber('943  476  5919').valid).toBe(false);
  });

  it('rejects placeholders whose check digit happens to pass', () => {
    // 999 999 999 9: weighted sum 486, remainder 2, check digit 9 — valid arithmetic, never a person.
    expect(checkNhsNumber('9999999999')).toMatchObject({ valid: false, reason: 'it is a placeholder (all one digit)' });
  });

  it('formats only ten digits and leaves anything else as written', () => {
    expect(formatNhsNumber('943-476-5919')).toBe('943 476 5919');
    expect(formatNhsNumber('12345')).toBe('12345');
  });

  it('finds numbers written in free text, not digits inside longer numbers', () => {
    const found = [...'Ref 12943 476 59190; NHS 943 476 5919 and 9990000018.'.matchAll(NHS_NUMBER_IN_TEXT)].map((m) => m[0]);
    expect(found).toEqual(['943 476 5919', '9990000018']);
  });
});
