import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageF1x100, lcsLength, rougeScores, rougeTokenize } from '../../../../main/notes/eval/rouge';

const expectScore = (
  actual: { precision: number; recall: number; f1: number },
  p: number,
  r: number,
  f: number,
): void => {
  expect(actual.precision).toBeCloseTo(p, 12);
  expect(actual.recall).toBeCloseTo(r, 12);
  expect(actual.f1).toBeCloseTo(f, 12);
};

/** Textbook full-table LCS, to check the rolling-row version against. */
const naiveLcs = (a: readonly string[], b: readonly string[]): number => {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = table[i]!;
      const previous = table[i - 1]!;
      row[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    }
  }
  return table[a.length]![b.length]!;
};

describe('rouge_score tokenisation (no stemming)', () => {
  it('lower-cases and splits on every run of characters outside [a-z0-9]', () => {
    expect(rougeTokenize('BP 120/80, HR 72.')).toEqual(['bp', '120', '80', 'hr', '72']);
    expect(rougeTokenize("Don't x_ray--well-being")).toEqual(['don', 't', 'x', 'ray', 'well', 'being']);
    expect(rougeTokenize('  \n\t ')).toEqual([]);
  });

  it('splits words at accented letters, as rouge_score does', () => {
    expect(rougeTokenize('Café naïve')).toEqual(['caf', 'na', 've']);
    expect(rougeTokenize('日本語 test')).toEqual(['test']);
  });
});

describe('ROUGE scores', () => {
  it('scores a near-paraphrase (hand-worked)', () => {
    // cand: the cat sat on the mat (6 tokens); ref: the cat is on the mat (6 tokens)
    // R1: the min(2,2)=2 + cat 1 + on 1 + mat 1 = 5 → P = 5/6, R = 5/6, F = 5/6
    // R2: cand {the cat, cat sat, sat on, on the, the mat}, ref {the cat, cat is, is on, on the, the mat}
    //     shared: the cat, on the, the mat = 3 → P = R = F = 3/5
    // RL: LCS = the cat on the mat = 5 → P = R = F = 5/6
    const s = rougeScores('The cat sat on the mat.', 'the cat is on the mat');
    expectScore(s.rouge1, 5 / 6, 5 / 6, 5 / 6);
    expectScore(s.rouge2, 3 / 5, 3 / 5, 3 / 5);
    expectScore(s.rougeL, 5 / 6, 5 / 6, 5 / 6);
  });

  it('scores a short candidate against a longer reference (hand-worked)', () => {
    // cand: patient denies chest pain (4); ref: the patient reports chest pain and denies fever (8)
    // R1: patient, denies, chest, pain all appear once in ref → overlap 4 → P = 4/4 = 1, R = 4/8 = 1/2,
    //     F = 2·1·½ / (1 + ½) = 2/3
    // R2: cand bigrams 3, ref bigrams 7, shared only "chest pain" → P = 1/3, R = 1/7,
    //     F = 2·(1/21) / (10/21) = 1/5
    // RL: LCS = patient … chest pain = 3 → P = 3/4, R = 3/8, F = 2·(9/32) / (9/8) = 1/2
    const s = rougeScores('Patient denies chest pain.', 'The patient reports chest pain and denies fever.');
    expectScore(s.rouge1, 1, 1 / 2, 2 / 3);
    expectScore(s.rouge2, 1 / 3, 1 / 7, 1 / 5);
    expectScore(s.rougeL, 3 / 4, 3 / 8, 1 / 2);
  });

  it('clips repeated n-grams to their count in the reference (hand-worked)', () => {
    // cand: the the the the (4); ref: the cat the (3)
    // R1: overlap = min(4, 2) = 2 → P = 2/4, R = 2/3, F = 2·(1/3) / (7/6) = 4/7
    // R2: cand "the the" ×3; ref {the cat, cat the} → overlap 0 → 0, 0, 0
    // RL: LCS = the the = 2 → P = 2/4, R = 2/3, F = 4/7
    const s = rougeScores('the the the the', 'the cat the');
    expectScore(s.rouge1, 1 / 2, 2 / 3, 4 / 7);
    expectScore(s.rouge2, 0, 0, 0);
    expectScore(s.rougeL, 1 / 2, 2 / 3, 4 / 7);
  });

  it('splits at unicode letters before counting (hand-worked)', () => {
    // cand: café au lait → caf au lait; ref: cafe au lait
    // R1: au, lait shared → 2/3 each; R2: {caf au, au lait} vs {cafe au, au lait} → 1/2 each; RL: 2 → 2/3
    const s = rougeScores('café au lait', 'cafe au lait');
    expectScore(s.rouge1, 2 / 3, 2 / 3, 2 / 3);
    expectScore(s.rouge2, 1 / 2, 1 / 2, 1 / 2);
    expectScore(s.rougeL, 2 / 3, 2 / 3, 2 / 3);
  });

  it('ignores case and punctuation entirely', () => {
    const s = rougeScores('BP: 120/80; HR = 72!', 'bp 120 80 hr 72');
    expectScore(s.rouge1, 1, 1, 1);
    expectScore(s.rouge2, 1, 1, 1);
    expectScore(s.rougeL, 1, 1, 1);
  });

  it('gives ROUGE-2 of 0 for identical one-word texts (no bigrams on either side)', () => {
    // R2: overlap 0 / max(0, 1) → P = R = 0 → F = 0, exactly as rouge_score
    const s = rougeScores('Fever.', 'fever');
    expectScore(s.rouge1, 1, 1, 1);
    expectScore(s.rouge2, 0, 0, 0);
    expectScore(s.rougeL, 1, 1, 1);
  });

  it.each([
    ['', ''],
    ['', 'chest pain'],
    ['chest pain', ''],
    ['...!!!', '?? -- ;'],
    ['é à ü', 'chest pain'],
  ])('scores %j against %j as all zeros (no tokens on a side)', (candidate, reference) => {
    const s = rougeScores(candidate, reference);
    for (const score of [s.rouge1, s.rouge2, s.rougeL]) expectScore(score, 0, 0, 0);
  });

  it('averages F1 × 100 over pairs', () => {
    // F1s from the hand-worked examples above:
    // R1 (5/6 + 2/3) / 2 = 3/4 → 75; R2 (3/5 + 1/5) / 2 = 2/5 → 40; RL (5/6 + 1/2) / 2 = 2/3 → 66.67
    const avg = averageF1x100([
      { candidate: 'The cat sat on the mat.', reference: 'the cat is on the mat' },
      { candidate: 'Patient denies chest pain.', reference: 'The patient reports chest pain and denies fever.' },
    ]);
    expect(avg.n).toBe(2);
    expect(avg.rouge1).toBeCloseTo(75, 10);
    expect(avg.rouge2).toBeCloseTo(40, 10);
    expect(avg.rougeL).toBeCloseTo(200 / 3, 10);
    expect(averageF1x100([])).toEqual({ n: 0, rouge1: 0, rouge2: 0, rougeL: 0 });
  });
});

describe('longest common subsequence', () => {
  it('matches the full-table LCS on any token lists', () => {
    const tokens = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'pain', 'the'), { maxLength: 40 });
    fc.assert(
      fc.property(tokens, tokens, (a, b) => {
        expect(lcsLength(a, b)).toBe(naiveLcs(a, b));
        expect(lcsLength(b, a)).toBe(lcsLength(a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('handles 1,500-word notes', () => {
    const vocabulary = Array.from({ length: 400 }, (_, i) => `w${i}`);
    let seed = 7;
    const next = (): string => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return vocabulary[seed % vocabulary.length]!;
    };
    const a = Array.from({ length: 1500 }, next);
    const b = [...a.slice(0, 700), ...Array.from({ length: 800 }, next)];
    const length = lcsLength(a, b);
    expect(length).toBeGreaterThanOrEqual(700);
    expect(length).toBeLessThanOrEqual(1500);
  });
});
