/**
 * Which free-text sentences make the note. A small logistic model (trained by
 * `npx tsx scripts/tune-composer.ts --fit` on ACI-Bench train.csv, weights in selector-weights.json)
 * scores each candidate from its words, where it came from and where in the visit it was said; the
 * sentences scoring at least the threshold stay. It only chooses among this visit's sentences: it never
 * writes a word itself.
 */
import { z } from 'zod';
import type { Draft } from './draft';
import { SELECTABLE_KINDS } from './draft';

export const SelectorModel = z.strictObject({
  version: z.literal(1),
  description: z.string(),
  threshold: z.number(),
  bias: z.number(),
  weights: z.record(z.string(), z.number()),
});
export type SelectorModel = z.infer<typeof SelectorModel>;

const TOKEN = /[a-z0-9]+/g;

const PRONOUN_WORDS = new Map<string, string>([
  ...['she', 'he', 'patient'].map((w) => [w, '#subject'] as const),
  ...['her', 'his', 'him', 'their', 'hers', 'theirs'].map((w) => [w, '#possessive'] as const),
  ...['herself', 'himself', 'themselves'].map((w) => [w, '#self'] as const),
]);

const bin = (value: number, edges: readonly number[]): number => {
  let i = 0;
  while (i < edges.length && value >= (edges[i] ?? Infinity)) i += 1;
  return i;
};

const LENGTH_EDGES = [4, 7, 10, 14, 19, 26, 35];
const POSITION_EDGES = [0.1, 0.25, 0.4, 0.55, 0.7, 0.85];

/** Binary features of one candidate; `position` is its place in the visit, 0 (start) to 1 (end). */
export const selectorFeatures = (d: Draft, position: number): string[] => {
  const tokens = d.text.toLowerCase().match(TOKEN) ?? [];
  const features = new Set<string>([
    `k=${d.kind}`,
    `len=${d.kind}:${bin(tokens.length, LENGTH_EDGES)}`,
    `pos=${d.kind}:${bin(position, POSITION_EDGES)}`,
  ]);
  // Pronouns say who the patient is, not whether the sentence matters: folded to one token so that a
  // visit that never states the sex ("the patient") is judged like any other.
  const words = tokens.map((t) => PRONOUN_WORDS.get(t) ?? (/^\d/.test(t) ? '#num' : t));
  for (const w of words) features.add(`w=${w}`);
  return [...features];
};

export const selectorScore = (model: SelectorModel, features: readonly string[]): number => {
  let z = model.bias;
  for (const f of features) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
};

export type Selection = { keep: boolean; score: number };

/** Keeps structured drafts; keeps free-text drafts whose score reaches the threshold. */
export const selectDrafts = (
  drafts: readonly Draft[],
  model: SelectorModel | null,
  unitCount: number,
  threshold: number | undefined = model?.threshold,
): Draft[] => {
  if (model === null) return [...drafts];
  const cut = threshold ?? model.threshold;
  return drafts.filter(
    (d) =>
      !SELECTABLE_KINDS.has(d.kind) ||
      selectorScore(model, selectorFeatures(d, d.order / Math.max(unitCount, 1))) >= cut,
  );
};
