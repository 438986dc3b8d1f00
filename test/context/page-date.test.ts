import { describe, expect, it } from 'vitest';
import { parsePageDate } from '@/lib/context/page-date';

describe('dates as EPR pages write them', () => {
  it('reads ISO, NHS CUI and UK day-first dates', () => {
    expect(parsePageDate('1945-07-14')).toBe('1945-07-14');
    expect(parsePageDate('14-Jul-1945')).toBe('1945-07-14');
    expect(parsePageDate('4 July 1945')).toBe('1945-07-04');
    expect(parsePageDate(' 14/07/1945 ')).toBe('1945-07-14');
  });

  it('refuses dates that do not exist and text that is not a date', () => {
    expect(parsePageDate('31-Feb-1945')).toBeUndefined();
    expect(parsePageDate('1945-13-01')).toBeUndefined();
    expect(parsePageDate('07/14/1945')).toBeUndefined();
    expect(parsePageDate('Born 1945')).toBeUndefined();
  });
});
