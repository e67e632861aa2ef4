import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPhraseIndex } from '../../../../main/language/assertions/phrase-index';
import { tokenize } from '../../../../main/language/assertions/tokens';

const index = createPhraseIndex<string>([
  ['chest pain', ['cp']],
  ['chest', ['chest']],
  ['pain', ['pain']],
  ['pain medication', []],
  ["can't breathe", ['sob']],
  ['x-ray', ['xr']],
]);

describe('phrase index', () => {
  it('prefers the longest match and returns character offsets', () => {
    expect(index.find('Some CHEST PAIN today').map((h) => [h.key, h.start, h.end, h.values])).toEqual([
      ['chest pain', 5, 15, ['cp']],
    ]);
  });

  it('lets a blocker hide the term inside it', () => {
    expect(index.find('more pain medication').map((h) => h.values)).toEqual([[]]);
  });

  it('never joins words across punctuation', () => {
    expect(index.find('chest, pain').map((h) => h.key)).toEqual(['chest', 'pain']);
  });

  it('treats hyphens like spaces and accepts apostrophe-less spellings', () => {
    expect(index.find('an x ray and I cant breathe').map((h) => h.values[0])).toEqual(['xr', 'sob']);
    expect(index.find('I can’t breathe').map((h) => h.values[0])).toEqual(['sob']);
  });

  it('matches whole words only', () => {
    expect(index.find('painful chesty')).toEqual([]);
  });

  it('returns ordered, non-overlapping hits whose offsets cover the matched words', () => {
    const words = fc.constantFrom('chest', 'pain', 'medication', 'x-ray', "can't", 'breathe', 'the', ',', '.', 'CHEST');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 30 }), (parts) => {
        const text = parts.join(' ');
        const hits = index.find(text);
        let last = -1;
        for (const h of hits) {
          expect(h.start).toBeGreaterThan(last);
          expect(h.end).toBeGreaterThan(h.start);
          const matched = tokenize(text.slice(h.start, h.end))
            .map((t) => t.norm)
            .join(' ');
          // The index also stores apostrophe-less spellings ("cant"), so compare without apostrophes.
          expect(matched.replace(/'/g, '')).toBe(h.key.replace(/'/g, ''));
          last = h.end - 1;
        }
      }),
    );
  });
});
