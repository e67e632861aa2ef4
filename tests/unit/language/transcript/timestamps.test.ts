import { describe, expect, it } from 'vitest';
import { formatTimestamp, parseTimestamp, parseTimingLine } from '../../../../main/language/transcript/timestamps';

describe('cue timestamps', () => {
  it.each([
    ['00:00:01.000', 1000],
    ['01:02:03.456', 3_723_456],
    ['02:03.456', 123_456],
    ['00:00:01,5', 1500],
    ['00:00:01,25', 1250],
    ['100:00:00.000', 360_000_000],
    ['00:00:07', 7000],
  ])('reads %s as %d ms', (raw, ms) => {
    expect(parseTimestamp(raw)).toBe(ms);
  });

  it.each(['', 'abc', '00:60:00.000', '00:00:60.000', '00:00:0x.000', '1.5', '-00:00:01.000'])('rejects %j', (raw) => {
    expect(parseTimestamp(raw)).toBeNull();
  });

  it('reads a timing line with cue settings, and rejects one that ends before it starts', () => {
    expect(parseTimingLine('00:01.000 --> 00:04.000 align:start line:0')).toEqual({ startMs: 1000, endMs: 4000 });
    expect(parseTimingLine('00:05.000 --> 00:04.000')).toBeNull();
    expect(parseTimingLine('00:05.000 00:06.000')).toBeNull();
  });

  it('formats milliseconds for WebVTT and SRT', () => {
    expect(formatTimestamp(3_723_456)).toBe('01:02:03.456');
    expect(formatTimestamp(5, ',')).toBe('00:00:00,005');
  });
});
