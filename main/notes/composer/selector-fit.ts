/**
 * Training of the sentence selector (used by scripts/tune-composer.ts --fit, never at runtime):
 * labels come from a greedy ROUGE-1 oracle — a candidate is positive when adding it to the note
 * raises unigram F1 against the reference — and the model is an L2-regularised logistic regression
 * over binary features, fitted by full-batch Adam from zero (convex, deterministic).
 */
const TOKEN = /[a-z0-9]+/g;

export const tokensOf = (text: string): string[] => text.toLowerCase().match(TOKEN) ?? [];

const counts = (tokens: readonly string[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
};

/** Greedy oracle: repeatedly add the candidate that raises unigram F1 most, while any does. */
export const oracleLabels = (
  fixed: readonly string[],
  candidates: readonly string[][],
  reference: readonly string[],
): boolean[] => {
  const ref = counts(reference);
  const have = counts(fixed);
  let overlap = 0;
  for (const [t, c] of have) overlap += Math.min(c, ref.get(t) ?? 0);
  let length = fixed.length;
  const chosen = candidates.map(() => false);
  const f1 = (o: number, len: number): number =>
    len + reference.length === 0 ? 0 : (2 * o) / (len + reference.length);
  for (;;) {
    let best = -1;
    let bestF = f1(overlap, length);
    candidates.forEach((tokens, i) => {
      if (chosen[i] === true || tokens.length === 0) return;
      const add = new Map<string, number>();
      let gained = 0;
      for (const t of tokens) {
        const used = (have.get(t) ?? 0) + (add.get(t) ?? 0);
        if (used < (ref.get(t) ?? 0)) gained += 1;
        add.set(t, (add.get(t) ?? 0) + 1);
      }
      const f = f1(overlap + gained, length + tokens.length);
      if (f > bestF) {
        bestF = f;
        best = i;
      }
    });
    const tokens = candidates[best];
    if (best < 0 || tokens === undefined) break;
    chosen[best] = true;
    for (const t of tokens) {
      if ((have.get(t) ?? 0) < (ref.get(t) ?? 0)) overlap += 1;
      have.set(t, (have.get(t) ?? 0) + 1);
    }
    length += tokens.length;
  }
  return chosen;
};

export type Example = { features: readonly string[]; label: 0 | 1 };
export type FittedWeights = { bias: number; weights: Record<string, number> };
export type FitOptions = { l2: number; iterations: number; learningRate: number; minFeatureCount: number };

export const fitLogistic = (examples: readonly Example[], options: FitOptions): FittedWeights => {
  const freq = new Map<string, number>();
  for (const e of examples) for (const f of e.features) freq.set(f, (freq.get(f) ?? 0) + 1);
  const names = [...freq.entries()]
    .filter(([, c]) => c >= options.minFeatureCount)
    .map(([f]) => f)
    .sort();
  const index = new Map(names.map((f, i) => [f, i]));
  const rows = examples.map((e) =>
    Int32Array.from(e.features.flatMap((f) => (index.has(f) ? [index.get(f) ?? 0] : []))),
  );
  const dim = names.length + 1; // last = bias
  const w = new Float64Array(dim);
  const m = new Float64Array(dim);
  const v = new Float64Array(dim);
  const grad = new Float64Array(dim);
  const n = Math.max(examples.length, 1);
  for (let it = 1; it <= options.iterations; it += 1) {
    grad.fill(0);
    rows.forEach((row, r) => {
      let z = w[dim - 1] ?? 0;
      for (const j of row) z += w[j] ?? 0;
      const err = 1 / (1 + Math.exp(-z)) - (examples[r]?.label ?? 0);
      for (const j of row) grad[j] = (grad[j] ?? 0) + err / n;
      grad[dim - 1] = (grad[dim - 1] ?? 0) + err / n;
    });
    for (let j = 0; j < dim - 1; j += 1) grad[j] = (grad[j] ?? 0) + options.l2 * (w[j] ?? 0);
    for (let j = 0; j < dim; j += 1) {
      const g = grad[j] ?? 0;
      m[j] = 0.9 * (m[j] ?? 0) + 0.1 * g;
      v[j] = 0.999 * (v[j] ?? 0) + 0.001 * g * g;
      const mh = (m[j] ?? 0) / (1 - 0.9 ** it);
      const vh = (v[j] ?? 0) / (1 - 0.999 ** it);
      w[j] = (w[j] ?? 0) - (options.learningRate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  const weights: Record<string, number> = {};
  names.forEach((f, j) => {
    const value = Math.round((w[j] ?? 0) * 1e4) / 1e4;
    if (value !== 0) weights[f] = value;
  });
  return { bias: Math.round((w[dim - 1] ?? 0) * 1e4) / 1e4, weights };
};
