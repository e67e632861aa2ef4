/**
 * Whisper's output with timestamps is a token stream like
 *   <|0.00|> hello there <|1.80|><|1.80|> how are you <|3.20|><|endoftext|>
 * where every id at or above `timestampBegin` is a time in 20 ms steps from the window's start and
 * every id at or above `firstSpecialId` (<|endoftext|>) is a control token. This turns the generated
 * ids into timed pieces; the caller decodes each piece's text ids with the tokenizer.
 */
export type TokenLayout = {
  /** <|endoftext|>: ids from here up are special (sot, languages, tasks, timestamps). */
  firstSpecialId: number;
  /** <|0.00|>, i.e. <|notimestamps|> + 1. */
  timestampBegin: number;
  /** Seconds per timestamp step (Whisper: 0.02). */
  secondsPerStep: number;
};

export type TimedTokens = { startMs: number; endMs: number; tokenIds: number[] };

const msOf = (layout: TokenLayout, id: number): number =>
  Math.round((id - layout.timestampBegin) * layout.secondsPerStep * 1000);

/**
 * Pieces in order; text with no opening timestamp starts where the previous piece ended, and a piece
 * left open when decoding stopped (token budget, no end token) ends at `windowMs`.
 */
export const timedPieces = (ids: readonly number[], layout: TokenLayout, windowMs: number): TimedTokens[] => {
  const out: TimedTokens[] = [];
  let start: number | null = null;
  let lastEnd = 0;
  let text: number[] = [];
  const close = (endMs: number): void => {
    if (text.length > 0) {
      // Never before the previous piece: time only moves forward in a transcript.
      const from = Math.min(Math.max(start ?? lastEnd, lastEnd), windowMs);
      out.push({ startMs: from, endMs: Math.max(from, Math.min(endMs, windowMs)), tokenIds: text });
      lastEnd = Math.max(from, Math.min(endMs, windowMs));
    }
    text = [];
    start = null;
  };
  for (const id of ids) {
    if (id >= layout.timestampBegin) {
      const ms = msOf(layout, id);
      if (start === null && text.length === 0) start = ms;
      else {
        close(ms);
        lastEnd = Math.max(lastEnd, ms);
      }
    } else if (id < layout.firstSpecialId) {
      text.push(id);
    }
  }
  close(windowMs);
  return out;
};
