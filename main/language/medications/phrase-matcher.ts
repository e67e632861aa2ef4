import { recentMemo } from '../text/recent-memo';

/**
 * Longest-match lexicon lookup over word tokens, case-insensitive, treating hyphens and spaces alike
 * ("x-ray" = "x ray", "co-q10" = "co q10"). Matches never start or end inside a word.
 */
export type PhraseMatch<V> = { value: V; phrase: string; start: number; end: number };

type Tok = { norm: string; start: number; end: number };

const WORD = /[A-Za-z0-9]+(?:'[A-Za-z]+)?/g;

const tokenizeWords = (text: string): readonly Tok[] =>
  Array.from(text.matchAll(WORD), (m) => ({
    norm: m[0].toLowerCase().replace(/'s$/, ''),
    start: m.index,
    end: m.index + m[0].length,
  }));

// Extractors run several lexicons over the same sentence in a row: each is tokenised once.
export const wordTokens: (text: string) => readonly Tok[] = recentMemo(tokenizeWords, 8);

export const normalizePhrase = (phrase: string): string =>
  wordTokens(phrase)
    .map((t) => t.norm)
    .join(' ');

export type PhraseMatcher<V> = {
  find: (text: string) => PhraseMatch<V>[];
  has: (phrase: string) => boolean;
  get: (phrase: string) => V | undefined;
};

export const createPhraseMatcher = <V>(entries: Iterable<readonly [string, V]>): PhraseMatcher<V> => {
  const map = new Map<string, V>();
  // Longest phrase starting with each first word: positions whose word starts no phrase are skipped.
  const longestFrom = new Map<string, number>();
  for (const [phrase, value] of entries) {
    const key = normalizePhrase(phrase);
    if (key === '') continue;
    if (!map.has(key)) map.set(key, value);
    const words = key.split(' ');
    const first = words[0] ?? '';
    longestFrom.set(first, Math.max(longestFrom.get(first) ?? 0, words.length));
  }
  const find = (text: string): PhraseMatch<V>[] => {
    const toks = wordTokens(text);
    const out: PhraseMatch<V>[] = [];
    let i = 0;
    while (i < toks.length) {
      const first = toks[i];
      const maxLen = first === undefined ? undefined : longestFrom.get(first.norm);
      if (first === undefined || maxLen === undefined) {
        i += 1;
        continue;
      }
      // Words of one phrase are separated only by spaces, hyphens or slashes, never by punctuation.
      let reach = 1;
      while (reach < maxLen && i + reach < toks.length) {
        const prev = toks[i + reach - 1];
        const next = toks[i + reach];
        if (prev === undefined || next === undefined || !/^[\s\-/]*$/.test(text.slice(prev.end, next.start))) break;
        reach += 1;
      }
      let matched = false;
      for (let len = reach; len >= 1; len -= 1) {
        const slice = toks.slice(i, i + len);
        const key = slice.map((t) => t.norm).join(' ');
        const value = map.get(key);
        const last = slice[slice.length - 1];
        if (value !== undefined && last !== undefined) {
          out.push({ value, phrase: key, start: first.start, end: last.end });
          i += len;
          matched = true;
          break;
        }
      }
      if (!matched) i += 1;
    }
    return out;
  };
  return { find, has: (p) => map.has(normalizePhrase(p)), get: (p) => map.get(normalizePhrase(p)) };
};
