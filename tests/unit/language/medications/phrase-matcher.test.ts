import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPhraseMatcher } from '../../../../main/language/medications/phrase-matcher';
import { sentenceSpans } from '../../../../main/language/medications/sentence-spans';

const matcher = createPhraseMatcher([
  ['aspirin', 'aspirin'],
  ['baby aspirin', 'baby'],
  ['x-ray', 'xray'],
  ['no longer taking', 'stopped'],
]);

describe('phrase matching', () => {
  it('prefers the longest phrase and treats hyphens like spaces', () => {
    expect(matcher.find('a Baby Aspirin and an x ray').map((m) => m.value)).toEqual(['baby', 'xray']);
    expect(matcher.find('aspirin').map((m) => [m.start, m.end])).toEqual([[0, 7]]);
  });

  it('never matches inside a word or across punctuation', () => {
    expect(matcher.find('aspirins')).toEqual([]);
    expect(matcher.find('baby. aspirin').map((m) => m.value)).toEqual(['aspirin']);
    expect(matcher.find("i'm no longer taking it").map((m) => m.value)).toEqual(['stopped']);
  });

  it('returns in-bounds spans whose text is the phrase', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('baby', 'aspirin', 'x-ray', 'the', ',', '.', 'no', 'longer', 'taking'), {
          maxLength: 30,
        }),
        (words) => {
          const text = words.join(' ');
          for (const m of matcher.find(text)) {
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeLessThanOrEqual(text.length);
            expect(text.slice(m.start, m.end).toLowerCase().replace(/-/g, ' ')).toBe(m.phrase);
          }
        },
      ),
    );
  });
});

describe('sentence spans for transcripts', () => {
  it('keeps a spoken decimal inside one sentence', () => {
    expect(sentenceSpans("you're on two . five of norvasc . okay ?").map((s) => s.text)).toEqual([
      "you're on two . five of norvasc .",
      'okay ?',
    ]);
  });
});
