import { describe, expect, it } from 'vitest';
import { zeroParams } from '../../../../main/language/sections/linear';
import type { LinearParams } from '../../../../main/language/sections/linear';
import { mulberry32 } from '../../../../main/language/sections/prng';
import { allocGradient, lossAndGradient, trainLinear } from '../../../../main/language/sections/train';
import type { TrainingExample } from '../../../../main/language/sections/train';

const D = 10;
const K = 4;

const randomSetup = (seed: number): { params: LinearParams; batch: TrainingExample[] } => {
  const rng = mulberry32(seed);
  const params = zeroParams(D, K);
  for (let i = 0; i < params.weights.length; i += 1) params.weights[i] = rng() - 0.5;
  for (let k = 0; k < K; k += 1) params.bias[k] = rng() - 0.5;
  const batch: TrainingExample[] = [0, 1, 2, 3, 4].map((n) => {
    const indices = Int32Array.from(
      [n % D, (n * 3 + 1) % D, (n * 7 + 5) % D].sort((a, b) => a - b).filter((v, i, a) => a.indexOf(v) === i),
    );
    return {
      x: { indices, values: Float32Array.from(indices, () => rng() * 2 - 1) },
      label: n % K,
      weight: 0.5 + rng(),
    };
  });
  return { params, batch };
};

describe('section classifier training', () => {
  it('computes the gradient that finite differences measure (weights and bias, with L2 and example weights)', () => {
    const { params, batch } = randomSetup(7);
    const l2 = 0.05;
    const grad = allocGradient(params);
    lossAndGradient(params, batch, l2, grad);
    const scratch = allocGradient(params);
    const h = 1e-3;
    const check = (array: Float32Array, analytic: Float64Array): void => {
      for (let i = 0; i < array.length; i += 1) {
        const original = array[i] ?? 0;
        array[i] = original + h;
        const up = lossAndGradient(params, batch, l2, scratch);
        array[i] = original - h;
        const down = lossAndGradient(params, batch, l2, scratch);
        array[i] = original;
        const numeric = (up - down) / (2 * h);
        expect(Math.abs(numeric - (analytic[i] ?? 0))).toBeLessThan(2e-4 + 1e-3 * Math.abs(numeric));
      }
    };
    check(params.weights, grad.weights);
    check(params.bias, grad.bias);
  });

  it('lowers the loss and reproduces the same weights from the same seed', () => {
    const { batch } = randomSetup(3);
    const options = { epochs: 30, batchSize: 2, learningRate: 0.05, finalLearningRateFraction: 0.1, l2: 1e-4, seed: 5 };
    const before = lossAndGradient(zeroParams(D, K), batch, options.l2, allocGradient(zeroParams(D, K)));
    const a = trainLinear(batch, D, K, options);
    const b = trainLinear(batch, D, K, options);
    const after = lossAndGradient(a, batch, options.l2, allocGradient(a));
    expect(after).toBeLessThan(before / 2);
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(Array.from(a.bias)).toEqual(Array.from(b.bias));
  });

  it('takes its first Adam step against the gradient lossAndGradient reports (the fused trainer agrees)', () => {
    const { batch } = randomSetup(11);
    const zero = zeroParams(D, K);
    const grad = allocGradient(zero);
    lossAndGradient(zero, batch, 0.01, grad);
    const stepped = trainLinear(batch, D, K, {
      epochs: 1,
      batchSize: batch.length,
      learningRate: 0.01,
      finalLearningRateFraction: 1,
      l2: 0.01,
      seed: 1,
    });
    // Adam's first step from zero is −lr·sign(g) wherever g ≠ 0.
    grad.weights.forEach((g, i) => {
      expect(stepped.weights[i]).toBeCloseTo(g === 0 ? 0 : -0.01 * Math.sign(g), 5);
    });
  });

  it('draws the same PRNG sequence for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(first[0]);
  });
});
