import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_TOKENS, toMatchTerms } from '../../../main/store/repositories/search-query';

describe('toMatchTerms', () => {
  it('quotes each word and adds a prefix star', () => {
    expect(toMatchTerms('maria  MRN-12')).toEqual(['"maria"*', '"MRN-12"*']);
  });

  it('doubles embedded quotes so a quote cannot end the string early', () => {
    expect(toMatchTerms('a"b')).toEqual(['"a""b"*']);
    expect(toMatchTerms('"x')).toEqual(['"""x"*']);
  });

  it('keeps FTS operators as plain words', () => {
    expect(toMatchTerms('knee OR NEAR( x')).toEqual(['"knee"*', '"OR"*', '"NEAR("*', '"x"*']);
  });

  it('drops words with no letter or digit and returns nothing for blank input', () => {
    expect(toMatchTerms('* ( ) " -')).toEqual([]);
    expect(toMatchTerms('   ')).toEqual([]);
  });

  it('caps the number of words', () => {
    expect(toMatchTerms(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_SEARCH_TOKENS);
  });
});
