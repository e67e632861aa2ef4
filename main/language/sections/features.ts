/**
 * Tokeniser and feature extraction, shared by training and inference (one implementation, so what
 * the model learned is exactly what it sees). A text becomes hashed feature groups:
 *   word     word uni- and bigrams (turn-start marker included) — what is talked about
 *   speaker  unigrams tagged with who said them — a clinician's question frames the section
 *   char     character 3–5-grams inside words — spelling variants, inflections, ASR slips
 *   meta     length and shape of the exchange (turns, words, questions, who takes part)
 * Each group is sublinear-tf × idf, L2-normalised, scaled by its weight; the sum is L2-normalised.
 */
import { z } from 'zod';
import { bucketOf } from './hashing';
import { combineNormalized, type SparseVector } from './sparse';
import { parseTurns } from './turns';
import type { Turn } from './turns';

export const FEATURE_GROUPS = ['word', 'speaker', 'char', 'meta'] as const;
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];

export const featureConfigSchema = z.object({
  dimension: z
    .number()
    .int()
    .min(16)
    .max(1 << 22),
  hashSeed: z.number().int().min(0).max(0xffffffff),
  wordNgramMax: z.number().int().min(1).max(3),
  charNgramMin: z.number().int().min(1).max(8),
  charNgramMax: z.number().int().min(1).max(8),
  groupWeights: z.object({
    word: z.number().min(0),
    speaker: z.number().min(0),
    char: z.number().min(0),
    meta: z.number().min(0),
  }),
});
export type FeatureConfig = z.infer<typeof featureConfigSchema>;

/** Per-group bucket counts of one text (before idf weighting). */
export type FeatureCounts = Record<FeatureGroup, Map<number, number>>;

const TOKEN = /[a-z0-9]+(?:'[a-z]+)?/g;

/** Lowercase word tokens; digits are folded to 0 so "120/80" and "130/85" share features. */
export const tokenize = (text: string): string[] =>
  (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/[0-9]/g, '0')
      .match(TOKEN) ?? []
  ).map((t) => t.replace(/^'+|'+$/g, ''));

const bucketLabel = (n: number): string => (n <= 0 ? '0' : String(Math.min(7, Math.floor(Math.log2(n)))));

const ROLE_TAG = { clinician: 'c', patient: 'p', other: 'o', unknown: 'u' } as const;

const emptyCounts = (): FeatureCounts => ({ word: new Map(), speaker: new Map(), char: new Map(), meta: new Map() });

/**
 * A token's character n-gram buckets depend only on the token and the config, and the same few
 * thousand words recur in every visit: computing them once per word makes featurising ~3× faster.
 * Bounded so a pathological input cannot grow it without limit.
 */
const CHAR_CACHE_LIMIT = 50_000;
const charCache = new WeakMap<FeatureConfig, Map<string, Int32Array>>();
const charBuckets = (token: string, config: FeatureConfig): Int32Array => {
  let cache = charCache.get(config);
  if (!cache) charCache.set(config, (cache = new Map<string, Int32Array>()));
  const hit = cache.get(token);
  if (hit) return hit;
  const word = `<${token}>`;
  const buckets: number[] = [];
  for (let n = config.charNgramMin; n <= config.charNgramMax; n += 1) {
    for (let s = 0; s + n <= word.length; s += 1) {
      buckets.push(bucketOf(`char\u0001${word.slice(s, s + n)}`, config.hashSeed, config.dimension));
    }
  }
  if (cache.size >= CHAR_CACHE_LIMIT) cache.clear();
  const out = Int32Array.from(buckets);
  cache.set(token, out);
  return out;
};

export const countFeatures = (turns: readonly Turn[], config: FeatureConfig): FeatureCounts => {
  const counts = emptyCounts();
  const add = (group: FeatureGroup, feature: string): void => {
    const bucket = bucketOf(`${group}\u0001${feature}`, config.hashSeed, config.dimension);
    const map = counts[group];
    map.set(bucket, (map.get(bucket) ?? 0) + 1);
  };
  let words = 0;
  let questions = 0;
  for (const turn of turns) {
    const tokens = tokenize(turn.text);
    words += tokens.length;
    if (turn.text.includes('?')) questions += 1;
    const tag = ROLE_TAG[turn.speaker];
    const padded = ['<t>', ...tokens];
    for (let i = 1; i < padded.length; i += 1) {
      for (let n = 1; n <= config.wordNgramMax && i - n + 1 >= 0; n += 1) {
        if (n === 1) add('word', padded[i] ?? '');
        else add('word', padded.slice(i - n + 1, i + 1).join(' '));
      }
    }
    for (const token of tokens) {
      add('speaker', `${tag}|${token}`);
      const charMap = counts.char;
      for (const bucket of charBuckets(token, config)) charMap.set(bucket, (charMap.get(bucket) ?? 0) + 1);
    }
    add('meta', `role:${tag}`);
  }
  add('meta', `turns:${bucketLabel(turns.length)}`);
  add('meta', `words:${bucketLabel(words)}`);
  add('meta', `questions:${bucketLabel(questions)}`);
  if (turns[0]) add('meta', `first:${ROLE_TAG[turns[0].speaker]}`);
  return counts;
};

/** Smoothed idf per bucket from the training texts' counts: ln((1 + N) / (1 + df)) + 1. */
export const computeIdf = (documents: readonly FeatureCounts[], dimension: number): Float32Array => {
  const df = new Float64Array(dimension);
  for (const doc of documents) {
    const seen = new Set<number>();
    for (const group of FEATURE_GROUPS) for (const bucket of doc[group].keys()) seen.add(bucket);
    for (const bucket of seen) df[bucket] = (df[bucket] ?? 0) + 1;
  }
  const idf = new Float32Array(dimension);
  for (let i = 0; i < dimension; i += 1) idf[i] = Math.log((1 + documents.length) / (1 + (df[i] ?? 0))) + 1;
  return idf;
};

/**
 * Dense scratch space for weighGroup: one slot per bucket plus the list of buckets touched, in first-touch
 * order. Replaces a Map on the hottest path; the arithmetic and summation order are exactly the Map version's.
 */
let scratch = new Float64Array(0);
let seen = new Uint8Array(0);
let touched = new Int32Array(0);
const ensureScratch = (size: number): void => {
  if (scratch.length >= size) return;
  scratch = new Float64Array(size);
  seen = new Uint8Array(size);
  touched = new Int32Array(size);
};

/** Σ over parts of weight · (1 + ln count) · idf per bucket, then L2-normalised. */
const weighGroup = (parts: readonly WeightedCounts[], group: FeatureGroup, idf: Float32Array): SparseVector => {
  ensureScratch(idf.length);
  let n = 0;
  for (const { counts, weight } of parts) {
    for (const [bucket, count] of counts[group]) {
      const add = weight * (1 + Math.log(count)) * (idf[bucket] ?? 1);
      if (seen[bucket] === 1) scratch[bucket] = (scratch[bucket] ?? 0) + add;
      else {
        seen[bucket] = 1;
        touched[n++] = bucket;
        scratch[bucket] = 0 + add;
      }
    }
  }
  let sq = 0;
  for (let i = 0; i < n; i += 1) {
    const value = scratch[touched[i] ?? 0] ?? 0;
    sq += value * value;
  }
  const norm = Math.sqrt(sq);
  const kept = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i += 1) {
    const bucket = touched[i] ?? 0;
    seen[bucket] = 0;
    if (norm > 0) scratch[bucket] = (scratch[bucket] ?? 0) / norm;
    if (scratch[bucket] !== 0) kept[m++] = bucket;
  }
  const indices = kept.subarray(0, m).sort();
  const values = new Float32Array(m);
  for (let i = 0; i < m; i += 1) values[i] = scratch[indices[i] ?? 0] ?? 0;
  return { indices, values };
};

/** Feature counts of one text with how much it counts (1 for the text itself, less for context). */
export type WeightedCounts = { counts: FeatureCounts; weight: number };

/**
 * Several texts → one model input: their tf-idf vectors summed with weights before normalising, so a
 * long utterance outweighs short neighbours and a bare "no" takes its meaning from the question.
 */
export const vectorizeWeighted = (
  parts: readonly WeightedCounts[],
  idf: Float32Array,
  config: FeatureConfig,
): SparseVector =>
  combineNormalized(
    FEATURE_GROUPS.map((group) => ({ vector: weighGroup(parts, group, idf), weight: config.groupWeights[group] })),
  );

/** Counts → the model's input: weighted, normalised, unit-length sparse vector. */
export const vectorize = (counts: FeatureCounts, idf: Float32Array, config: FeatureConfig): SparseVector =>
  vectorizeWeighted([{ counts, weight: 1 }], idf, config);

export const featurizeTurns = (turns: readonly Turn[], idf: Float32Array, config: FeatureConfig): SparseVector =>
  vectorize(countFeatures(turns, config), idf, config);

/** A dialogue (`Doctor: ...` lines, `[doctor] ...` lines) or a single utterance. */
export const featurizeText = (text: string, idf: Float32Array, config: FeatureConfig): SparseVector =>
  featurizeTurns(parseTurns(text), idf, config);
