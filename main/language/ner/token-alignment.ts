/**
 * Character offsets of WordPiece tokens in the original text. The tokenizer reads a normalised form of
 * the text (BERT: control characters dropped, whitespace unified, lowercased, accents stripped, spaces
 * around CJK characters) and reports no offsets of its own, so the text is normalised one code point at
 * a time, remembering which original code point every normalised character came from, and the tokens
 * are then found in that normalised form in order. A span always covers whole original code points:
 * "José" stays 4 characters although "é" was "e" + U+0301 on the way.
 */

export type Piece = {
  /** The token as the tokenizer printed it, continuation prefix removed ("##ing" → "ing"). */
  text: string;
  /** Continues the previous token's word (WordPiece "##" pieces): no whitespace can come first. */
  continuation: boolean;
  /** The unknown token: it stands for one whole pre-tokenized word of any spelling (or for its literal text). */
  unknown: boolean;
};

/** [start, end) in the original text, or null when the token could not be placed. */
export type Offsets = { start: number; end: number } | null;

export type NormalisedText = {
  text: string;
  /** For each UTF-16 unit of `text`: the original code point's start and end. */
  starts: number[];
  ends: number[];
};

/** Normalises `text` code point by code point with `normalize`, keeping the map back to the original. */
export const normaliseWithMap = (text: string, normalize: (part: string) => string): NormalisedText => {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length;) {
    const width = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const part = normalize(text.slice(i, i + width));
    parts.push(part);
    for (let k = 0; k < part.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    i += width;
  }
  return { text: parts.join(''), starts, ends };
};

/** BERT's punctuation: Unicode P* and every non-alphanumeric printable ASCII character (as BertPreTokenizer). */
const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
/** One pre-tokenized word: a run of neither whitespace nor punctuation, or one punctuation character. */
const WORD = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'uy');
const SPACE = /\s/u;
const LETTER = /\p{L}/u;

const wordLengthAt = (text: string, at: number): number => {
  WORD.lastIndex = at;
  return WORD.exec(text)?.[0].length ?? 0;
};

/**
 * Whether `piece` sits at `at`: exactly, or with letters standing for letters (a context-dependent case
 * mapping such as Greek final sigma differs between the whole text and one character at a time).
 */
const matchesAt = (text: string, at: number, piece: string): boolean => {
  if (piece.length === 0 || at + piece.length > text.length) return false;
  if (text.startsWith(piece, at)) return true;
  for (let k = 0; k < piece.length; k++) {
    const a = text.charAt(at + k);
    const b = piece.charAt(k);
    if (a !== b && !(LETTER.test(a) && LETTER.test(b))) return false;
  }
  return true;
};

/**
 * Places every piece in the original text, in order. A piece that cannot be found where the previous one
 * ended gets the whole pre-tokenized word there (as an unknown token does) when it starts a word, or no
 * offsets when it continues one; the search goes on after it either way.
 */
export const alignPieces = (normalised: NormalisedText, pieces: readonly Piece[]): Offsets[] => {
  const { text, starts, ends } = normalised;
  let at = 0;
  const place = (from: number, length: number): Offsets => {
    at = from + length;
    return length > 0 ? { start: starts[from] ?? 0, end: ends[from + length - 1] ?? 0 } : null;
  };
  return pieces.map((piece) => {
    if (!piece.continuation) while (at < text.length && SPACE.test(text.charAt(at))) at++;
    if (matchesAt(text, at, piece.text)) return place(at, piece.text.length);
    if (piece.continuation && !piece.unknown) return null;
    return place(at, wordLengthAt(text, at));
  });
};
