/**
 * Sentence splitting with character offsets into the original text, so every finding can point back
 * at exactly what was said. Conversational transcripts are loosely punctuated; we split on terminal
 * punctuation followed by space, and keep common abbreviations (Dr., mg., e.g.) and decimals intact.
 */
export type Span = { start: number; end: number; text: string };

const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'approx',
  'no',
  'mg',
  'mcg',
  'ml',
  'dl',
  'kg',
  'lb',
  'lbs',
  'oz',
  'pt',
  'hx',
  'q',
  'b.i.d',
  't.i.d',
  'q.i.d',
  'p.o',
  'a.m',
  'p.m',
]);

const isAbbreviationBefore = (text: string, dot: number): boolean => {
  let i = dot - 1;
  while (i >= 0 && /[A-Za-z.]/.test(text[i] ?? '')) i -= 1;
  const word = text.slice(i + 1, dot).toLowerCase();
  return ABBREVIATIONS.has(word) || /^[a-z]$/.test(word);
};

// ASR writes a spoken decimal as two tokens around a period: "ninety eight . four", "two . five".
const NUMBER_BEFORE =
  /(?:\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)) $/i;
const DIGIT_AFTER = /^ (?:\d|(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b)/i;

const isSpokenDecimal = (text: string, dot: number): boolean =>
  NUMBER_BEFORE.test(text.slice(Math.max(0, dot - 12), dot)) && DIGIT_AFTER.test(text.slice(dot + 1, dot + 10));

export const splitSentences = (text: string): Span[] => {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s += 1;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e -= 1;
    if (e > s) spans.push({ start: s, end: e, text: text.slice(s, e) });
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '?' && ch !== '!') continue;
    // Consume runs like "?!" or "...".
    let j = i;
    while (j + 1 < text.length && /[.?!]/.test(text[j + 1] ?? '')) j += 1;
    const next = text[j + 1];
    if (next !== undefined && !/\s|["')\]]/.test(next)) {
      i = j;
      continue; // "3.5", "b.i.d", "x.com"
    }
    if (ch === '.' && j === i && (isAbbreviationBefore(text, i) || isSpokenDecimal(text, i))) {
      i = j;
      continue;
    }
    push(j + 1);
    start = j + 1;
    i = j;
  }
  push(text.length);
  return spans;
};
