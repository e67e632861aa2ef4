/**
 * Numbers as they appear in transcripts: digits ("128", "2.5", "50,000", "60s"), words ("five hundred",
 * "ninety nine"), clinicians' shorthand ("one twenty eight" = 128) and ASR decimals ("two . five",
 * "ninety eight point six"). Every number keeps character offsets into the source text.
 */
export type SpokenNumber = { value: number; start: number; end: number; words: boolean };

const UNITS = new Map<string, number>(
  Object.entries({
    zero: 0,
    oh: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
  }),
);
const TEENS = new Map<string, number>(
  Object.entries({
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
  }),
);
const TENS = new Map<string, number>(
  Object.entries({
    twenty: 20,
    thirty: 30,
    forty: 40,
    fourty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
  }),
);
const SCALES = new Map<string, number>([
  ['hundred', 100],
  ['thousand', 1000],
]);

type Token = { text: string; start: number; end: number };

const TOKEN = /\d+(?:,\d{3})*(?:\.\d+)?s?|[A-Za-z]+|\./g;

const tokenize = (text: string): Token[] =>
  Array.from(text.matchAll(TOKEN), (m) => ({ text: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));

// Maps, not object literals: `'constructor' in {}` is true.
const isNumberWord = (w: string): boolean => UNITS.has(w) || TEENS.has(w) || TENS.has(w) || SCALES.has(w);

const wordValue = (w: string): number | undefined => UNITS.get(w) ?? TEENS.get(w) ?? TENS.get(w);

/** Only whitespace (or a hyphen) may sit between words of one number. */
const adjacent = (text: string, a: Token, b: Token): boolean => /^[\s-]*$/.test(text.slice(a.end, b.start));

/**
 * Parses a run of number words into groups. A new group starts where standard English could not go on:
 * "one twenty eight" → [1, 28], which the caller reads as 128 (a spoken reading), "twenty eight" → [28].
 */
const parseGroups = (words: string[]): { groups: number[]; lengths: number[] } => {
  const groups: number[] = [];
  const lengths: number[] = [];
  let total = 0;
  let current = 0;
  let last: 'unit' | 'teen' | 'tens' | 'hundred' | 'thousand' | 'none' = 'none';
  let count = 0;
  const flush = (): void => {
    if (count > 0) {
      groups.push(total + current);
      lengths.push(count);
    }
    total = 0;
    current = 0;
    last = 'none';
    count = 0;
  };
  for (const w of words) {
    if (w === 'and') {
      count += 1;
      continue;
    }
    if (w === 'hundred') {
      if (last === 'hundred' || last === 'thousand' || current >= 100) flush();
      current = (current === 0 ? 1 : current) * 100;
      last = 'hundred';
    } else if (w === 'thousand') {
      total += (current === 0 ? 1 : current) * 1000;
      current = 0;
      last = 'thousand';
    } else if (TENS.has(w)) {
      if (last === 'unit' || last === 'teen' || last === 'tens') flush();
      current += TENS.get(w) ?? 0;
      last = 'tens';
    } else if (TEENS.has(w)) {
      if (last === 'unit' || last === 'teen' || last === 'tens') flush();
      current += TEENS.get(w) ?? 0;
      last = 'teen';
    } else {
      if (last === 'unit' || last === 'teen') flush();
      current += UNITS.get(w) ?? 0;
      last = 'unit';
    }
    count += 1;
  }
  flush();
  return { groups, lengths };
};

const digitValue = (t: string): number | undefined => {
  const cleaned = t.replace(/,/g, '').replace(/s$/, '');
  const v = Number(cleaned);
  return Number.isFinite(v) && cleaned !== '' ? v : undefined;
};

const decimalPart = (t: Token | undefined): string | undefined => {
  if (t === undefined) return undefined;
  if (/^\d+$/.test(t.text)) return t.text;
  const v = UNITS.get(t.text);
  return v === undefined || t.text === 'oh' ? undefined : String(v);
};

/** Finds every number in the text, left to right, with offsets. */
export const findNumbers = (text: string): SpokenNumber[] => {
  const tokens = tokenize(text);
  const out: SpokenNumber[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i];
    if (tok === undefined) break;
    let value: number | undefined;
    let endIdx = i;
    let words = false;
    const nextTok = tokens[i + 1];
    if (
      tok.text === 'a' &&
      nextTok !== undefined &&
      (nextTok.text === 'hundred' || nextTok.text === 'thousand') &&
      adjacent(text, tok, nextTok)
    ) {
      // "a hundred percent", "a hundred and twenty": read as "one hundred ..." from the "a".
      const rest = findNumbers(`one${text.slice(tok.end, text.length)}`)[0];
      if (rest !== undefined && rest.start === 0) {
        const end = tok.end + rest.end - 3;
        out.push({ value: rest.value, start: tok.start, end, words: true });
        while (i < tokens.length && (tokens[i]?.start ?? Infinity) < end) i += 1;
        continue;
      }
    }
    if (/^\d/.test(tok.text)) {
      value = digitValue(tok.text);
    } else if (isNumberWord(tok.text) && tok.text !== 'hundred' && tok.text !== 'thousand' && tok.text !== 'oh') {
      const run: string[] = [tok.text];
      let j = i;
      while (j + 1 < tokens.length) {
        const next = tokens[j + 1];
        const prev = tokens[j];
        if (next === undefined || prev === undefined || !adjacent(text, prev, next)) break;
        const after = tokens[j + 2];
        const isAnd = next.text === 'and' && after !== undefined && isNumberWord(after.text) && run.includes('hundred');
        if (!isNumberWord(next.text) && !isAnd) break;
        if (next.text === 'oh') break;
        run.push(next.text);
        j += 1;
      }
      const { groups, lengths } = parseGroups(run);
      const [g0, g1] = groups;
      // "one twenty eight" / "one thirty" — a spoken three-digit reading (blood pressure, weight).
      if (
        g0 !== undefined &&
        g1 !== undefined &&
        g0 >= 1 &&
        g0 <= 9 &&
        g1 >= 10 &&
        g1 <= 99 &&
        !run.includes('hundred')
      ) {
        value = g0 * 100 + g1;
        endIdx = i + (lengths[0] ?? 1) + (lengths[1] ?? 1) - 1;
      } else {
        value = g0;
        endIdx = i + (lengths[0] ?? 1) - 1;
      }
      words = true;
    }
    if (value === undefined) {
      i += 1;
      continue;
    }
    // Decimals said aloud: "two . five", "ninety eight point six", "zero . zero five", "7 . 3".
    const sep = tokens[endIdx + 1];
    const last = tokens[endIdx];
    if (
      sep !== undefined &&
      last !== undefined &&
      (sep.text === '.' || sep.text === 'point') &&
      Number.isInteger(value) &&
      /^\s*$/.test(text.slice(last.end, sep.start))
    ) {
      let digits = '';
      let k = endIdx + 2;
      let prevTok = sep;
      for (;;) {
        const t = tokens[k];
        const d = decimalPart(t);
        if (t === undefined || d === undefined || !/^\s*$/.test(text.slice(prevTok.end, t.start))) break;
        // Digits given as a number ("7 . 25") end the fraction; word digits may run on ("zero five").
        digits += d;
        prevTok = t;
        k += 1;
        if (/^\d/.test(t.text)) break;
      }
      if (digits !== '') {
        value = Number(`${value}.${digits}`);
        endIdx = k - 1;
      }
    }
    const endTok = tokens[endIdx];
    out.push({ value, start: tok.start, end: endTok?.end ?? tok.end, words });
    i = endIdx + 1;
  }
  return out;
};

/** Parses a string that is exactly one number ("five hundred", "2.5"), or undefined. */
export const parseNumber = (text: string): number | undefined => {
  const found = findNumbers(text);
  const [first] = found;
  if (found.length !== 1 || first === undefined) return undefined;
  return text.slice(0, first.start).trim() === '' && text.slice(first.end).trim() === '' ? first.value : undefined;
};

export { wordValue };
