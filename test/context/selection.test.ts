import { describe, expect, it } from 'vitest';
import { nhsNumberInSelection } from '@/lib/context/selection';

describe('the NHS number in a selection', () => {
  it('finds the one valid number, however it is written', () => {
    expect(nhsNumberInSelection('943 476 5919')).toBe('9434765919');
    expect(nhsNumberInSelection(' NHS No. 943-476-5919\n')).toBe('9434765919');
    expect(nhsNumberInSelection('HOLLOWAY, Susan 9990000018 14-Mar-1962')).toBe('9990000018');
  });

  it('finds none in an invalid number, two different numbers, or a long passage', () => {
    expect(nhsNumberInSelection('943 476 5918')).toBeNull();
    expect(nhsNumberInSelection('999 000 0018 and 999 015 8398')).toBeNull();
    expect(nhsNumberInSelection(`943 476 5919 ${'x'.repeat(300)}`)).toBeNull();
    expect(nhsNumberInSelection('')).toBeNull();
  });

  it('treats one number selected twice as one', () => {
    expect(nhsNumberInSelection('943 476 5919 / 9434765919')).toBe('9434765919');
  });
});
