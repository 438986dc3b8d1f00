import { describe, expect, it } from 'vitest';
import { checkNhsNumber, formatNhsNumber, isValidNhsNumber } from '@/lib/context/nhs-number';

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
