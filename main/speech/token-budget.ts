/**
 * How many tokens a window may generate. Real speech runs at about 3–4 tokens per second; random-weight
 * benchmark models rarely emit an end token, so benchmarks bound decoding to that realistic count
 * (plus the timestamp tokens) instead of Whisper's 448-token maximum.
 */
export const MAX_WHISPER_NEW_TOKENS = 440;

export const tokenBudget = (samples: number, sampleRate: number, tokensPerSecond: number): number =>
  Math.min(MAX_WHISPER_NEW_TOKENS, Math.max(4, Math.ceil((samples / sampleRate) * tokensPerSecond) + 4));
