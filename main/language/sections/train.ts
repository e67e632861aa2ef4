/**
 * Training of the linear softmax layer: weighted cross-entropy + (λ/2)·‖W‖² with explicit gradients
 * (checked against finite differences in tests), optimised by mini-batch Adam with a linearly decaying
 * step. Deterministic: zero initial weights (the objective is convex) and a seeded shuffle.
 */
import { logits, softmax, zeroParams } from './linear';
import type { LinearParams } from './linear';
import { mulberry32, shuffleInPlace } from './prng';
import type { SparseVector } from './sparse';

export type TrainingExample = { x: SparseVector; label: number; weight: number };

export type Gradient = { weights: Float64Array; bias: Float64Array };

export type TrainOptions = {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Final step size as a fraction of the initial one (linear decay). */
  finalLearningRateFraction: number;
  l2: number;
  seed: number;
  onEpoch?: (epoch: number, meanLoss: number) => void;
};

export const allocGradient = (params: LinearParams): Gradient => ({
  weights: new Float64Array(params.weights.length),
  bias: new Float64Array(params.classes),
});

/**
 * Adds the gradient of Σᵢ wᵢ·CEᵢ / Σᵢ wᵢ (the data term) into `grad`; returns that data loss.
 * ∂CE/∂z = p − onehot(label), and z = Wᵀx + b, so ∂/∂W[f][k] = x_f·(p_k − y_k).
 */
export const accumulateDataGradient = (
  params: LinearParams,
  batch: readonly TrainingExample[],
  grad: Gradient,
): number => {
  const { classes } = params;
  let totalWeight = 0;
  for (const example of batch) totalWeight += example.weight;
  if (totalWeight <= 0) return 0;
  let loss = 0;
  const delta = new Float64Array(classes);
  for (const { x, label, weight } of batch) {
    const p = softmax(logits(params, x));
    const share = weight / totalWeight;
    loss -= share * Math.log(Math.max(p[label] ?? 0, 1e-300));
    for (let k = 0; k < classes; k += 1) delta[k] = share * ((p[k] ?? 0) - (k === label ? 1 : 0));
    for (let k = 0; k < classes; k += 1) grad.bias[k] = (grad.bias[k] ?? 0) + (delta[k] ?? 0);
    for (let j = 0; j < x.indices.length; j += 1) {
      const value = x.values[j] ?? 0;
      const row = (x.indices[j] ?? 0) * classes;
      for (let k = 0; k < classes; k += 1)
        grad.weights[row + k] = (grad.weights[row + k] ?? 0) + value * (delta[k] ?? 0);
    }
  }
  return loss;
};

export const l2Penalty = (params: LinearParams, l2: number): number => {
  let sum = 0;
  for (const w of params.weights) sum += w * w;
  return (l2 / 2) * sum;
};

/**
 * The full objective Σᵢ wᵢ·CEᵢ / Σᵢ wᵢ + (λ/2)·‖W‖² (bias not penalised) and its gradient, written
 * into `grad` (overwritten). The trainer computes the same gradient with the λ·W term fused into the
 * optimiser step.
 */
export const lossAndGradient = (
  params: LinearParams,
  batch: readonly TrainingExample[],
  l2: number,
  grad: Gradient,
): number => {
  grad.weights.fill(0);
  grad.bias.fill(0);
  const loss = accumulateDataGradient(params, batch, grad) + l2Penalty(params, l2);
  for (let i = 0; i < grad.weights.length; i += 1)
    grad.weights[i] = (grad.weights[i] ?? 0) + l2 * (params.weights[i] ?? 0);
  return loss;
};

type AdamState = { m: Float32Array; v: Float32Array; step: number };
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

/** One Adam step on `param` with gradient `gradient + l2·param`; clears `gradient` for the next batch. */
export const adamStep = (
  param: Float32Array,
  gradient: Float64Array,
  state: AdamState,
  learningRate: number,
  l2: number,
): void => {
  state.step += 1;
  const c1 = 1 - BETA1 ** state.step;
  const c2 = 1 - BETA2 ** state.step;
  const { m, v } = state;
  const n = param.length;
  for (let i = 0; i < n; i += 1) {
    const w = param[i] ?? 0;
    const g = (gradient[i] ?? 0) + l2 * w;
    gradient[i] = 0;
    const mi = BETA1 * (m[i] ?? 0) + (1 - BETA1) * g;
    const vi = BETA2 * (v[i] ?? 0) + (1 - BETA2) * g * g;
    m[i] = mi;
    v[i] = vi;
    param[i] = w - (learningRate * (mi / c1)) / (Math.sqrt(vi / c2) + EPSILON);
  }
};

const adamState = (size: number): AdamState => ({ m: new Float32Array(size), v: new Float32Array(size), step: 0 });

export const trainLinear = (
  examples: readonly TrainingExample[],
  dimension: number,
  classes: number,
  options: TrainOptions,
): LinearParams => {
  const params = zeroParams(dimension, classes);
  const grad = allocGradient(params);
  const wState = adamState(params.weights.length);
  const bState = adamState(classes);
  const rng = mulberry32(options.seed);
  const order = examples.map((_, i) => i);
  const batchesPerEpoch = Math.ceil(examples.length / options.batchSize);
  const totalSteps = Math.max(1, options.epochs * batchesPerEpoch);
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    shuffleInPlace(order, rng);
    let epochLoss = 0;
    for (let start = 0; start < order.length; start += options.batchSize) {
      const batch = order.slice(start, start + options.batchSize).flatMap((i) => examples[i] ?? []);
      epochLoss += accumulateDataGradient(params, batch, grad) * batch.length;
      const rate = options.learningRate * (1 - (step / totalSteps) * (1 - options.finalLearningRateFraction));
      adamStep(params.weights, grad.weights, wState, rate, options.l2);
      adamStep(params.bias, grad.bias, bState, rate, 0);
      step += 1;
    }
    options.onEpoch?.(epoch, epochLoss / Math.max(1, examples.length) + l2Penalty(params, options.l2));
  }
  return params;
};
