import { describe, expect, it } from 'vitest';
import { timedPieces, type TokenLayout } from '../../../main/speech/timestamps';

// Whisper multilingual layout: <|endoftext|> 50257, <|notimestamps|> 50363, <|0.00|> 50364.
const layout: TokenLayout = { firstSpecialId: 50257, timestampBegin: 50364, secondsPerStep: 0.02 };
const ts = (seconds: number): number => layout.timestampBegin + Math.round(seconds / 0.02);
const SOT = 50258;
const EN = 50259;
const TRANSCRIBE = 50359;
const EOT = 50257;

describe('timedPieces', () => {
  it('reads paired timestamps around text, skipping control tokens', () => {
    const ids = [SOT, EN, TRANSCRIBE, ts(0), 10, 11, ts(1.8), ts(1.8), 12, ts(3.2), EOT];
    expect(timedPieces(ids, layout, 30_000)).toEqual([
      { startMs: 0, endMs: 1800, tokenIds: [10, 11] },
      { startMs: 1800, endMs: 3200, tokenIds: [12] },
    ]);
  });

  it('starts text without an opening timestamp at the previous end', () => {
    expect(timedPieces([ts(0.5), 1, ts(1), 2, ts(2.5)], layout, 30_000)).toEqual([
      { startMs: 500, endMs: 1000, tokenIds: [1] },
      { startMs: 1000, endMs: 2500, tokenIds: [2] },
    ]);
  });

  it('closes a piece left open (token budget reached) at the window end', () => {
    expect(timedPieces([ts(4), 7, 8], layout, 6_000)).toEqual([{ startMs: 4000, endMs: 6000, tokenIds: [7, 8] }]);
  });

  it('clamps times to the window and never returns empty pieces', () => {
    expect(timedPieces([ts(29.5), 3, ts(30)], layout, 10_000)).toEqual([
      { startMs: 10_000, endMs: 10_000, tokenIds: [3] },
    ]);
    expect(timedPieces([ts(0), ts(1), EOT], layout, 30_000)).toEqual([]);
  });
});
