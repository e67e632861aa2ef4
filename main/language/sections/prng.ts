/**
 * A small seeded PRNG (mulberry32) so that training is reproducible bit for bit: same seed, same
 * shuffles, same initial weights, same model file. Not for anything security-related (the DP noise
 * of on-device learning uses a cryptographic generator elsewhere).
 */
export type Rng = () => number;

export const mulberry32 = (seed: number): Rng => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Fisher–Yates in place. */
export const shuffleInPlace = <T>(items: T[], rng: Rng): T[] => {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    const a = items[i];
    const b = items[j];
    if (a === undefined || b === undefined) continue;
    items[i] = b;
    items[j] = a;
  }
  return items;
};
