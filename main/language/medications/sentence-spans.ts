import { splitSentences, type Span } from '../text/sentences';

/**
 * Sentences of one segment, re-joining splits that ASR punctuation made inside a spoken decimal
 * ("two . five of norvasc" is one sentence, not "two ." and "five of norvasc").
 */
const NUMBERISH =
  /(?:\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))$/i;
const DIGIT_START = /^(?:\d|(?:zero|one|two|three|four|five|six|seven|eight|nine)\b)/i;

export const sentenceSpans = (text: string): Span[] => {
  const spans = splitSentences(text);
  const out: Span[] = [];
  for (const span of spans) {
    const prev = out[out.length - 1];
    if (
      prev !== undefined &&
      prev.text.endsWith('.') &&
      NUMBERISH.test(prev.text.slice(0, -1).trimEnd()) &&
      DIGIT_START.test(span.text) &&
      !text.slice(prev.end, span.start).includes('\n')
    ) {
      const merged = { start: prev.start, end: span.end, text: text.slice(prev.start, span.end) };
      out[out.length - 1] = merged;
      continue;
    }
    out.push(span);
  }
  return out;
};

/** The sentence containing a character offset (or undefined when it falls between sentences). */
export const sentenceAt = (spans: readonly Span[], offset: number): Span | undefined =>
  spans.find((s) => offset >= s.start && offset < s.end);
