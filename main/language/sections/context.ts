/**
 * The input for one transcript segment: its own features plus those of its neighbours. Turn i±d
 * counts with weight w·2^−(d−1) before and half that after (w = context weight); small-talk turns
 * are left out. Used by inference and by training on transcript turns alike, so both see the same input.
 */
import { countFeatures, vectorizeWeighted } from './features';
import type { FeatureConfig, FeatureCounts, WeightedCounts } from './features';
import type { ContextSettings } from './model';
import { isSmallTalk } from './small-talk';
import type { SparseVector } from './sparse';
import type { Turn } from './turns';

export type PreparedTurns = { counts: FeatureCounts[]; smallTalk: boolean[] };

export const prepareTurns = (turns: readonly Turn[], config: FeatureConfig): PreparedTurns => ({
  counts: turns.map((turn) => countFeatures([turn], config)),
  smallTalk: turns.map((turn) => isSmallTalk(turn.text)),
});

/** Which turns make up segment i's input, and with what weight (the segment itself first, weight 1). */
export const contextIndices = (
  prepared: PreparedTurns,
  i: number,
  context: ContextSettings,
): { index: number; weight: number }[] => {
  if (!prepared.counts[i]) return [];
  const parts = [{ index: i, weight: 1 }];
  for (let d = 1; d <= context.window; d += 1) {
    const before = context.weight / 2 ** (d - 1);
    for (const [j, w] of [
      [i - d, before],
      [i + d, before / 2],
    ] as const) {
      if (prepared.counts[j] && !prepared.smallTalk[j] && w > 0) parts.push({ index: j, weight: w });
    }
  }
  return parts;
};

export const contextParts = (prepared: PreparedTurns, i: number, context: ContextSettings): WeightedCounts[] =>
  contextIndices(prepared, i, context).flatMap(({ index, weight }) => {
    const counts = prepared.counts[index];
    return counts ? [{ counts, weight }] : [];
  });

export const segmentVector = (
  prepared: PreparedTurns,
  i: number,
  context: ContextSettings,
  idf: Float32Array,
  config: FeatureConfig,
): SparseVector => vectorizeWeighted(contextParts(prepared, i, context), idf, config);
