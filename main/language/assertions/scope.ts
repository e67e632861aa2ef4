import { tokenize, type Token } from './tokens';

/**
 * Where a trigger may reach. Scope never crosses a sentence or clause end: terminal punctuation followed by
 * space, a semicolon, or a line break ("No fever; cough for a week" keeps cough out of "no"'s scope).
 */
export type Region = { start: number; end: number };

const ABBREVIATION = /(?:^|[^A-Za-z])(?:dr|mr|mrs|ms|vs|st|jr|sr|etc|approx|e\.g|i\.e|a\.m|p\.m)$/i;

const isBoundary = (text: string, i: number): boolean => {
  const ch = text[i];
  if (ch === '\n' || ch === '\r') return true;
  if (ch === undefined || !/[.?!;]/.test(ch)) return false;
  const next = text[i + 1];
  if (next !== undefined && !/\s/.test(next)) return false; // "3.5", "b.i.d"
  if (ch === '.' && text[i - 1] === '.') return false; // "..." marks a hesitation in transcribed speech
  return !(ch === '.' && ABBREVIATION.test(text.slice(Math.max(0, i - 6), i)));
};

/**
 * How far a clause may reach on each side of the concept. Far beyond any trigger window; it keeps an
 * unpunctuated transcript (one 10 MB "sentence") linear instead of quadratic.
 */
export const MAX_REACH = 600;

/** The clause of `text` that holds [start, end), cut at whole words when it would reach past MAX_REACH. */
export const regionAround = (text: string, start: number, end: number): Region => {
  const floor = Math.max(0, start - MAX_REACH);
  const ceiling = Math.min(text.length, Math.max(end, start) + MAX_REACH);
  let s = start;
  while (s > floor && !isBoundary(text, s - 1)) s -= 1;
  if (s === floor && s > 0) while (s < start && !/\s/.test(text[s - 1] ?? ' ')) s += 1;
  let e = Math.max(end, start);
  while (e < ceiling && !isBoundary(text, e)) e += 1;
  if (e === ceiling && e < text.length) while (e > end && !/\s/.test(text[e] ?? ' ')) e -= 1;
  return { start: s, end: e };
};

export type WindowRule = {
  window: number;
  listItemMaxWords: number;
  listConnectors: ReadonlySet<string>;
  /** Hesitations ("uh", "um") are not list items. */
  answerFillers: ReadonlySet<string>;
};

/**
 * Whether the words between a trigger and a concept are close enough: at most `window` words (list connectors
 * "and", "or" not counted), or any length when they run into a list of short items ("denies fevers, chills,
 * night sweats, weight loss, or changes in appetite"): the first comma-separated piece holds the words up to the
 * first item (within the window) and that item; every later item is at most `listItemMaxWords` long. A review
 * of systems is one long negated list.
 */
/** `gapEnd` is where the gap ends in `text` (the start of the next word), so punctuation after its last word counts. */
export const withinWindow = (text: string, gap: readonly Token[], gapEnd: number, rule: WindowRule): boolean => {
  const counted = gap.filter((t) => !rule.listConnectors.has(t.norm)).length;
  if (counted <= rule.window) return true;
  const first = gap[0];
  if (first === undefined) return true;
  const span = text.slice(first.start, gapEnd);
  const pieces = span.split(/,|\/|\b(?:and|or|nor)\b/i);
  const words = (p: string): number => tokenize(p).filter((t) => !rule.listConnectors.has(t.norm)).length;
  // At least two real items after the first piece: "and, uh, a little" is a hesitation, not a list.
  const items = pieces.slice(1).filter((p) => tokenize(p).some((t) => !rule.answerFillers.has(t.norm)));
  const isList = items.length >= 2 && span.includes(',');
  return (
    isList &&
    words(pieces[0] ?? '') <= rule.window + rule.listItemMaxWords &&
    pieces.slice(1).every((p) => words(p) <= rule.listItemMaxWords)
  );
};
