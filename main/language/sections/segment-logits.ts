/**
 * The model's logits for every segment of a transcript, computed straight from the turns' weighted
 * counts on dense scratch arrays: the same arithmetic as `logits(segmentVector(...))` (context parts,
 * per-group tf-idf and L2 norm, weighted sum, final L2 norm) without building, sorting and re-reading
 * one sparse vector per segment. The transcript path is the pipeline's hottest loop; training keeps
 * the sparse path, and a test holds the two equal.
 */
import { contextIndices } from './context';
import type { PreparedTurns } from './context';
import { FEATURE_GROUPS } from './features';
import type { FeatureConfig, FeatureGroup } from './features';
import type { LinearParams } from './linear';
import type { ContextSettings } from './model';

/**
 * One turn's group as parallel arrays, bucket and its (1 + ln count) · idf, plus W·t (the group's
 * unnormalised contribution to the logits): the logits are linear in these, so only the norms need
 * the summed vectors.
 */
type WeightedGroup = { buckets: Int32Array; values: Float64Array; projected: Float64Array };
type WeightedTurn = Record<FeatureGroup, WeightedGroup>;

const weighTurn = (counts: PreparedTurns['counts'][number], idf: Float32Array, params: LinearParams): WeightedTurn => {
  const { classes, weights } = params;
  const group = (map: Map<number, number>): WeightedGroup => {
    const buckets = new Int32Array(map.size);
    const values = new Float64Array(map.size);
    const projected = new Float64Array(classes);
    let n = 0;
    for (const [bucket, count] of map) {
      const value = (1 + Math.log(count)) * (idf[bucket] ?? 1);
      buckets[n] = bucket;
      values[n] = value;
      n += 1;
      const row = bucket * classes;
      for (let k = 0; k < classes; k += 1) projected[k] = (projected[k] ?? 0) + value * (weights[row + k] ?? 0);
    }
    return { buckets, values, projected };
  };
  return {
    word: group(counts.word),
    speaker: group(counts.speaker),
    char: group(counts.char),
    meta: group(counts.meta),
  };
};

/** Scratch for one group's sum and for the combined vector, with the buckets touched in each. */
class Scratch {
  readonly group: Float64Array;
  readonly groupSeen: Uint8Array;
  readonly groupTouched: Int32Array;
  readonly total: Float64Array;
  readonly totalSeen: Uint8Array;
  readonly totalTouched: Int32Array;
  constructor(readonly dimension: number) {
    this.group = new Float64Array(dimension);
    this.groupSeen = new Uint8Array(dimension);
    this.groupTouched = new Int32Array(dimension);
    this.total = new Float64Array(dimension);
    this.totalSeen = new Uint8Array(dimension);
    this.totalTouched = new Int32Array(dimension);
  }
}

let shared: Scratch | undefined;
const scratchFor = (dimension: number): Scratch => {
  if (shared?.dimension !== dimension) shared = new Scratch(dimension);
  return shared;
};

export const segmentLogits = (
  prepared: PreparedTurns,
  params: LinearParams,
  idf: Float32Array,
  config: FeatureConfig,
  context: ContextSettings,
): Float64Array[] => {
  const s = scratchFor(params.dimension);
  const weighted = prepared.counts.map((counts) => weighTurn(counts, idf, params));
  const { classes, bias } = params;
  return prepared.counts.map((_, i) => {
    const parts = contextIndices(prepared, i, context).map(({ index, weight }) => ({ turn: weighted[index], weight }));
    let totalCount = 0;
    const raw = new Float64Array(classes);
    for (const group of FEATURE_GROUPS) {
      const groupWeight = config.groupWeights[group];
      if (groupWeight === 0) continue;
      let n = 0;
      for (const { turn, weight } of parts) {
        if (!turn) continue;
        const { buckets, values } = turn[group];
        for (let j = 0; j < buckets.length; j += 1) {
          const bucket = buckets[j] ?? 0;
          const add = weight * (values[j] ?? 0);
          if (s.groupSeen[bucket] === 1) s.group[bucket] = (s.group[bucket] ?? 0) + add;
          else {
            s.groupSeen[bucket] = 1;
            s.groupTouched[n++] = bucket;
            s.group[bucket] = add;
          }
        }
      }
      let sq = 0;
      for (let j = 0; j < n; j += 1) {
        const v = s.group[s.groupTouched[j] ?? 0] ?? 0;
        sq += v * v;
      }
      const scale = sq > 0 ? groupWeight / Math.sqrt(sq) : 0;
      for (const { turn, weight } of parts) {
        if (!turn) continue;
        const { projected } = turn[group];
        for (let k = 0; k < classes; k += 1) raw[k] = (raw[k] ?? 0) + scale * weight * (projected[k] ?? 0);
      }
      for (let j = 0; j < n; j += 1) {
        const bucket = s.groupTouched[j] ?? 0;
        s.groupSeen[bucket] = 0;
        const add = scale * (s.group[bucket] ?? 0);
        if (s.totalSeen[bucket] === 1) s.total[bucket] = (s.total[bucket] ?? 0) + add;
        else {
          s.totalSeen[bucket] = 1;
          s.totalTouched[totalCount++] = bucket;
          s.total[bucket] = add;
        }
      }
    }
    let sq = 0;
    for (let j = 0; j < totalCount; j += 1) {
      const v = s.total[s.totalTouched[j] ?? 0] ?? 0;
      sq += v * v;
    }
    const inverseNorm = sq > 0 ? 1 / Math.sqrt(sq) : 0;
    for (let j = 0; j < totalCount; j += 1) s.totalSeen[s.totalTouched[j] ?? 0] = 0;
    const out = Float64Array.from(bias);
    for (let k = 0; k < classes; k += 1) out[k] = (out[k] ?? 0) + (raw[k] ?? 0) * inverseNorm;
    return out;
  });
};
