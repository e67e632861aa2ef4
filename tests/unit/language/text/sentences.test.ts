import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../../main/language/text/sentences';

describe('sentence splitting', () => {
  it('splits on terminal punctuation and keeps offsets into the original text', () => {
    const text = 'I have a cough.  It started Monday! Any fever? No.';
    const spans = splitSentences(text);
    expect(spans.map((s) => s.text)).toEqual(['I have a cough.', 'It started Monday!', 'Any fever?', 'No.']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps decimals, dosing abbreviations and titles inside one sentence', () => {
    const spans = splitSentences('Dr. Lee gave metformin 500 mg. b.i.d. and a temp of 38.5 today. Next.');
    expect(spans.map((s) => s.text)).toEqual([
      'Dr. Lee gave metformin 500 mg. b.i.d. and a temp of 38.5 today.',
      'Next.',
    ]);
  });

  it('keeps a decimal spoken into the transcript as "ninety eight . four" in one sentence', () => {
    const texts = (t: string) => splitSentences(t).map((s) => s.text);
    expect(texts('your temperature is ninety eight . four which is good . next')).toEqual([
      'your temperature is ninety eight . four which is good .',
      'next',
    ]);
    expect(texts('it was 7 . 2 today')).toEqual(['it was 7 . 2 today']);
    expect(texts('i got two . then three more')).toEqual(['i got two .', 'then three more']);
  });

  it('treats line breaks as boundaries', () => {
    expect(splitSentences('okay\nso the pain').map((s) => s.text)).toEqual(['okay', 'so the pain']);
  });

  it('always returns in-bounds, ordered, non-overlapping spans that match the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        let last = 0;
        for (const s of splitSentences(text)) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.text.trim()).toBe(s.text);
          last = s.end;
        }
      }),
    );
  });
});
