/**
 * Feature hashing: a feature string goes to one of `dimension` buckets by 32-bit FNV-1a (seeded).
 * Hashing keeps the model file free of a vocabulary (no words from the training dialogues are stored)
 * and lets on-device learning use words the training data never had.
 */
export const hash32 = (text: string, seed: number): number => {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche (from murmur3's fmix32): FNV's low bits mix poorly and we take hash mod 2^k.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

export const bucketOf = (feature: string, seed: number, dimension: number): number => hash32(feature, seed) % dimension;
