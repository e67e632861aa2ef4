/** Sparse feature vectors: sorted unique indices with their values (the only input the model sees). */
export type SparseVector = { indices: Int32Array; values: Float32Array };

/** Builds a sorted sparse vector from a bucket → value map, dropping zeros. Hot path: typed-array sort, one lookup. */
export const fromMap = (entries: Map<number, number>): SparseVector => {
  const keys = new Int32Array(entries.size);
  let n = 0;
  for (const [key, value] of entries) if (value !== 0) keys[n++] = key;
  const indices = keys.subarray(0, n).sort();
  const values = new Float32Array(n);
  for (let i = 0; i < n; i += 1) values[i] = entries.get(indices[i] ?? 0) ?? 0;
  return { indices, values };
};

export const l2Norm = (values: ArrayLike<number>): number => {
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] ?? 0;
    sum += v * v;
  }
  return Math.sqrt(sum);
};

/** Σ weight_i · vector_i, then scaled to unit L2 norm (an all-zero result stays zero). */
export const combineNormalized = (parts: { vector: SparseVector; weight: number }[]): SparseVector => {
  const sum = new Map<number, number>();
  for (const { vector, weight } of parts) {
    if (weight === 0) continue;
    const { indices, values } = vector;
    for (let i = 0; i < indices.length; i += 1) {
      const index = indices[i] ?? 0;
      sum.set(index, (sum.get(index) ?? 0) + weight * (values[i] ?? 0));
    }
  }
  const out = fromMap(sum);
  const norm = l2Norm(out.values);
  if (norm > 0) for (let i = 0; i < out.values.length; i += 1) out.values[i] = (out.values[i] ?? 0) / norm;
  return out;
};
