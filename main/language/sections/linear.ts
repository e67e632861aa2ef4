/**
 * The model's arithmetic: a linear softmax layer over sparse inputs. W is a plain dense matrix
 * (dimension × classes, row-major by feature) and b a bias vector, so on-device learning can attach a
 * low-rank adapter (W + A·B) to W without changing this format.
 */
import type { SparseVector } from './sparse';

export type LinearParams = {
  dimension: number;
  classes: number;
  /** W[f][k] at f * classes + k. */
  weights: Float32Array;
  bias: Float32Array;
};

export const zeroParams = (dimension: number, classes: number): LinearParams => ({
  dimension,
  classes,
  weights: new Float32Array(dimension * classes),
  bias: new Float32Array(classes),
});

export const logits = (params: LinearParams, x: SparseVector): Float64Array => {
  const { classes, weights } = params;
  const out = Float64Array.from(params.bias);
  for (let j = 0; j < x.indices.length; j += 1) {
    const value = x.values[j] ?? 0;
    const row = (x.indices[j] ?? 0) * classes;
    for (let k = 0; k < classes; k += 1) out[k] = (out[k] ?? 0) + value * (weights[row + k] ?? 0);
  }
  return out;
};

/** Numerically stable softmax (subtracts the max logit). */
export const softmax = (z: ArrayLike<number>): Float64Array => {
  let max = -Infinity;
  for (let k = 0; k < z.length; k += 1) max = Math.max(max, z[k] ?? -Infinity);
  const out = new Float64Array(z.length);
  let sum = 0;
  for (let k = 0; k < z.length; k += 1) {
    const e = Math.exp((z[k] ?? 0) - max);
    out[k] = e;
    sum += e;
  }
  for (let k = 0; k < z.length; k += 1) out[k] = (out[k] ?? 0) / sum;
  return out;
};

export const predictProba = (params: LinearParams, x: SparseVector): Float64Array => softmax(logits(params, x));

export const argmax = (values: ArrayLike<number>): number => {
  let best = 0;
  for (let k = 1; k < values.length; k += 1) if ((values[k] ?? -Infinity) > (values[best] ?? -Infinity)) best = k;
  return best;
};
