/**
 * ROUGE exactly as Google's `rouge_score` package computes it with `use_stemmer=False`, so numbers
 * here compare with published ACI-Bench results:
 *  - tokens: lower-case; every run of characters outside [a-z0-9] becomes a space; split on
 *    whitespace; drop empty tokens (so "é" separates words, as in rouge_score);
 *  - ROUGE-N: overlap = Σ over n-grams of min(count in candidate, count in reference) (clipped);
 *    precision = overlap / candidate n-grams, recall = overlap / reference n-grams (a zero
 *    denominator counts as 1), F1 = 2PR / (P + R), or 0 when P + R = 0;
 *  - ROUGE-L: the longest common subsequence of the two token sequences (sentence-level "rougeL",
 *    not the newline-split "rougeLsum"); all three are 0 when either side has no tokens.
 */
export type RougeScore = { precision: number; recall: number; f1: number };
export type RougeScores = { rouge1: RougeScore; rouge2: RougeScore; rougeL: RougeScore };

export const rougeTokenize = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(/\s+/)
    .filter((token) => token !== '');

const score = (overlap: number, candidateCount: number, referenceCount: number): RougeScore => {
  const precision = overlap / Math.max(candidateCount, 1);
  const recall = overlap / Math.max(referenceCount, 1);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
};

const ngramCounts = (tokens: readonly string[], n: number): Map<string, number> => {
  const counts = new Map<string, number>();
  // Tokens are [a-z0-9]+, so a space joins n-grams unambiguously.
  for (let i = 0; i + n <= tokens.length; i += 1) {
    const key = n === 1 ? (tokens[i] ?? '') : tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
};

export const rougeN = (candidate: readonly string[], reference: readonly string[], n: number): RougeScore => {
  const cand = ngramCounts(candidate, n);
  const ref = ngramCounts(reference, n);
  let overlap = 0;
  for (const [gram, count] of ref) overlap += Math.min(count, cand.get(gram) ?? 0);
  return score(overlap, Math.max(candidate.length - n + 1, 0), Math.max(reference.length - n + 1, 0));
};

/**
 * LCS length in O(|a|·|b|) time and O(|b|) memory: one rolling DP row over integer token ids
 * (1,500 × 1,500 tokens is 2.25 M cell updates, a few milliseconds).
 */
export const lcsLength = (a: readonly string[], b: readonly string[]): number => {
  if (a.length === 0 || b.length === 0) return 0;
  const ids = new Map<string, number>();
  const idOf = (token: string): number => {
    let id = ids.get(token);
    if (id === undefined) {
      id = ids.size;
      ids.set(token, id);
    }
    return id;
  };
  const left = Int32Array.from(a, idOf);
  const right = Int32Array.from(b, idOf);
  const row = new Int32Array(right.length + 1);
  for (let i = 0; i < left.length; i += 1) {
    const token = left[i];
    let diagonal = 0; // row[j - 1] from the previous i
    for (let j = 1; j <= right.length; j += 1) {
      const above = row[j] ?? 0;
      if (right[j - 1] === token) row[j] = diagonal + 1;
      else {
        const leftCell = row[j - 1] ?? 0;
        row[j] = above > leftCell ? above : leftCell;
      }
      diagonal = above;
    }
  }
  return row[right.length] ?? 0;
};

export const rougeL = (candidate: readonly string[], reference: readonly string[]): RougeScore => {
  if (candidate.length === 0 || reference.length === 0) return { precision: 0, recall: 0, f1: 0 };
  return score(lcsLength(candidate, reference), candidate.length, reference.length);
};

export const rougeScores = (candidate: string, reference: string): RougeScores => {
  const cand = rougeTokenize(candidate);
  const ref = rougeTokenize(reference);
  return { rouge1: rougeN(cand, ref, 1), rouge2: rougeN(cand, ref, 2), rougeL: rougeL(cand, ref) };
};

export type RougePair = { candidate: string; reference: string };
export type RougeAverage = { n: number; rouge1: number; rouge2: number; rougeL: number };

/** Mean F1 × 100 over pairs (the ACI-Bench reporting convention); all zeros for no pairs. */
export const averageF1x100 = (pairs: Iterable<RougePair>): RougeAverage => {
  let n = 0;
  let r1 = 0;
  let r2 = 0;
  let rl = 0;
  for (const pair of pairs) {
    const scores = rougeScores(pair.candidate, pair.reference);
    n += 1;
    r1 += scores.rouge1.f1;
    r2 += scores.rouge2.f1;
    rl += scores.rougeL.f1;
  }
  const mean = (sum: number): number => (n === 0 ? 0 : (sum / n) * 100);
  return { n, rouge1: mean(r1), rouge2: mean(r2), rougeL: mean(rl) };
};
