import { describe, expect, it } from 'vitest';
import { ageInYears, formatCalendarDate, formatOffset } from '../../../renderer/src/lib/format';

describe('renderer formatting', () => {
  it('counts age in whole years, turning over on the birthday', () => {
    expect(ageInYears('1961-04-09', '2025-04-08')).toBe(63);
    expect(ageInYears('1961-04-09', '2025-04-09')).toBe(64);
    expect(ageInYears('2030-01-01', '2025-01-01')).toBeNull();
    expect(ageInYears('not a date', '2025-01-01')).toBeNull();
  });

  it('never shifts a date of birth by a time zone', () => {
    expect(formatCalendarDate('1961-04-09')).toMatch(/9/);
    expect(formatCalendarDate('1961-04-09')).toMatch(/1961/);
    expect(formatCalendarDate('garbage')).toBe('garbage');
  });

  it('formats transcript offsets as m:ss and h:mm:ss', () => {
    expect(formatOffset(null)).toBe('');
    expect(formatOffset(4_200)).toBe('0:04');
    expect(formatOffset(754_000)).toBe('12:34');
    expect(formatOffset(3_723_000)).toBe('1:02:03');
  });
});
