import { joinedBetween, phraseKey, tokenize, type Token } from './tokens';

/**
 * Longest-match, left-to-right phrase lookup over word tokens. A phrase may carry several values (a trigger
 * can be a negation and a history cue at once); an entry with no values is a blocker: it wins the
 * longest match and so hides the shorter phrases inside it ("no increase" hides "no").
 */
export type PhraseHit<V> = {
  values: readonly V[];
  key: string;
  /** Token indices [first, last + 1). */
  first: number;
  next: number;
  start: number;
  end: number;
};

export type PhraseIndex<V> = {
  /** Hits in a token list (from `tokenize(text)`); `text` is needed to refuse joins across punctuation. */
  scan: (text: string, tokens: readonly Token[]) => PhraseHit<V>[];
  find: (text: string) => PhraseHit<V>[];
  get: (phrase: string) => readonly V[] | undefined;
  size: number;
};

export type PhraseIndexOptions = {
  /** Maps each normalised word before lookup, e.g. every possessive to "my" so "blood in your stool" finds "blood in my stool". */
  word?: (norm: string) => string;
  /** The phrases are already normalised keys (words joined by single spaces): skip tokenising them again. */
  keys?: boolean;
};

/** Apostrophe-less spellings are common in transcripts ("dont", "havent"): index both. */
const spellings = (key: string): string[] => (key.includes("'") ? [key, key.replace(/'/g, '')] : [key]);

export const createPhraseIndex = <V>(
  entries: Iterable<readonly [string, readonly V[]]>,
  options: PhraseIndexOptions = {},
): PhraseIndex<V> => {
  const word = options.word ?? ((w: string) => w);
  const keyOf = (phrase: string): string => phraseKey(phrase).split(' ').map(word).join(' ');
  const map = new Map<string, V[]>();
  // Every proper word-prefix of a key, so a scan stops extending as soon as no phrase can follow.
  const prefixes = new Set<string>();
  for (const [phrase, values] of entries) {
    for (const key of spellings(options.keys === true ? phrase : keyOf(phrase))) {
      if (key === '') continue;
      const list = map.get(key);
      if (list === undefined) map.set(key, [...values]);
      else for (const v of values) if (!list.includes(v)) list.push(v);
      for (let i = key.indexOf(' '); i > 0; i = key.indexOf(' ', i + 1)) prefixes.add(key.slice(0, i));
    }
  }
  const scan = (text: string, tokens: readonly Token[]): PhraseHit<V>[] => {
    const hits: PhraseHit<V>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const first = tokens[i];
      let hit: PhraseHit<V> | undefined;
      let key = '';
      for (let j = i; first !== undefined && j < tokens.length; j += 1) {
        const tok = tokens[j];
        const prev = tokens[j - 1];
        if (tok === undefined || (j > i && prev !== undefined && !joinedBetween(text, prev, tok))) break;
        key = j === i ? word(tok.norm) : `${key} ${word(tok.norm)}`;
        const values = map.get(key);
        if (values !== undefined) hit = { values, key, first: i, next: j + 1, start: first.start, end: tok.end };
        if (!prefixes.has(key)) break;
      }
      if (hit === undefined) {
        i += 1;
      } else {
        hits.push(hit);
        i = hit.next;
      }
    }
    return hits;
  };
  return {
    scan,
    find: (text) => scan(text, tokenize(text)),
    get: (phrase) => map.get(keyOf(phrase)),
    size: map.size,
  };
};
