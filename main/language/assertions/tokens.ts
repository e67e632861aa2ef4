/**
 * Word tokens with character offsets. Matching is on a normalised form: lower case, curly apostrophes
 * straightened, a possessive "'s" dropped ("mother's" = "mother"), so lexicons list one spelling.
 */
import { recentMemo } from '../text/recent-memo';

export type Token = { norm: string; start: number; end: number };

const WORD = /[A-Za-z0-9]+(?:['’][A-Za-z]+)*/g;

export const normalizeWord = (word: string): string => word.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');

/**
 * Treebank-style transcripts split contractions ("do n't", "ca n't"); they are joined back into one token
 * ("don't") so trigger lists need only one spelling.
 */
const tokenizeText = (text: string): readonly Token[] => {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const norm = normalizeWord(m[0]);
    const prev = out[out.length - 1];
    if (norm === "n't" && prev !== undefined && /^\s+$/.test(text.slice(prev.end, m.index))) {
      out[out.length - 1] = { norm: `${prev.norm}n't`, start: prev.start, end: m.index + m[0].length };
    } else {
      out.push({ norm, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
};

// The problem extractor and every checklist scan the same sentences: each is tokenised once per transcript.
export const tokenize: (text: string) => readonly Token[] = recentMemo(tokenizeText, 32);

/** The normalised key of a phrase: its tokens joined by single spaces ("Short-of-breath" → "short of breath"). */
export const phraseKey = (phrase: string): string =>
  tokenize(phrase)
    .map((t) => t.norm)
    .join(' ');

/** Words of one phrase may be separated only by spaces, hyphens or slashes ("x-ray", "s/p"), never by punctuation. */
export const joinedBetween = (text: string, left: Token, right: Token): boolean =>
  /^[\s\-/]*$/.test(text.slice(left.end, right.start));
