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

export const contextParts = (prepared: PreparedTurns, i: number, context: ContextSettings): WeightedCounts[] => {
  const own = prepared.counts[i];
  if (!own) return [];
  const parts: WeightedCounts[] = [{ counts: own, weight: 1 }];
  for (let d = 1; d <= context.window; d += 1) {
    const before = context.weight / 2 ** (d - 1);
    for (const [j, w] of [
      [i - d, before],
      [i + d, before / 2],
    ] as const) {
      const neighbour = prepared.counts[j];
      if (neighbour && !prepared.smallTalk[j] && w > 0) parts.push({ counts: neighbour, weight: w });
    }
  }
  return parts;
};

export const segmentVector = (
  prepared: PreparedTurns,
  i: number,
  context: ContextSettings,
  idf: Float32Array,
  config: FeatureConfig,
): SparseVector => vectorizeWeighted(contextParts(prepared, i, context), idf, config);
