import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNumbers, parseNumber } from '../../../../main/language/vitals/spoken-numbers';

const values = (text: string) => findNumbers(text).map((n) => n.value);

describe('spoken numbers', () => {
  it('reads words, digits and clinicians’ three-digit readings', () => {
    expect(values('five hundred')).toEqual([500]);
    expect(values('one twenty eight over eighty eight')).toEqual([128, 88]);
    expect(values('a hundred and twenty')).toEqual([120]);
    expect(values('fifty thousand units and 2,000 units')).toEqual([50000, 2000]);
    expect(values('in his 60s')).toEqual([60]);
  });

  it('reads decimals said aloud', () => {
    expect(values('two . five')).toEqual([2.5]);
    expect(values('ninety eight point six')).toEqual([98.6]);
    expect(values('zero . zero five percent')).toEqual([0.05]);
    expect(values('it was 7.2')).toEqual([7.2]);
  });

  it('keeps separate numbers separate', () => {
    expect(values('one two three')).toEqual([1, 2, 3]);
    expect(values('twenty , thirty')).toEqual([20, 30]);
  });

  it('does not take inherited object keys for number words', () => {
    expect(values('the constructor said toString and valueOf hasOwnProperty')).toEqual([]);
    expect(values('five constructor')).toEqual([5]);
  });

  it('gives offsets that cover the number in the text', () => {
    const text = 'about two hundred pounds';
    const [n] = findNumbers(text);
    expect(text.slice(n!.start, n!.end)).toBe('two hundred');
  });

  it('parses only strings that are exactly one number', () => {
    expect(parseNumber('forty two')).toBe(42);
    expect(parseNumber('forty two apples')).toBeUndefined();
  });

  it('reads back every integer written in digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        expect(values(`the value ${n} here`)).toEqual([n]);
      }),
    );
  });

  it('never throws and always returns in-bounds spans', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        for (const n of findNumbers(text)) {
          expect(n.start).toBeGreaterThanOrEqual(0);
          expect(n.end).toBeLessThanOrEqual(text.length);
          expect(Number.isFinite(n.value)).toBe(true);
        }
      }),
    );
  });
});
