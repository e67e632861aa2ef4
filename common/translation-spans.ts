import { z } from 'zod';

/**
 * How a translated segment's English lines up with its original: one entry per translated sentence,
 * [original start, original end, English start, English end]. Evidence found in the English text is
 * shown on the original through these spans.
 */
export const TranslationSpans = z.array(
  z.tuple([
    z.number().int().nonnegative(),
    z.number().int().nonnegative(),
    z.number().int().nonnegative(),
    z.number().int().nonnegative(),
  ]),
);
export type TranslationSpans = z.infer<typeof TranslationSpans>;

/** The original text's span covering an English span (the sentences it overlaps), or null if none. */
export const originalSpanFor = (
  spans: TranslationSpans,
  englishStart: number,
  englishEnd: number,
): { start: number; end: number } | null => {
  let start = Infinity;
  let end = -Infinity;
  for (const [os, oe, es, ee] of spans) {
    if (ee <= englishStart || es >= englishEnd) continue;
    start = Math.min(start, os);
    end = Math.max(end, oe);
  }
  return end > start ? { start, end } : null;
};
