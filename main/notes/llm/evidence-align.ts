/**
 * Links each generated sentence to the transcript. Candidates are the section's facts (the composer's
 * sentences, with their evidence) and every transcript sentence; a sentence is supported when the
 * chosen candidates cover at least half of its content words, weighted by how rare each word is in
 * the visit, and every number it states. Sentences below that are kept but marked unsupported for
 * the clinician: an LLM that adds something the visit did not say is caught here, not trusted.
 */
import type { Evidence } from '../../../common/findings';
import { splitSentences } from '../../language/text/sentences';

export type AlignCandidate = { text: string; evidence: readonly Evidence[] };

export type Alignment = { evidence: Evidence[]; coverage: number; supported: boolean };

const STOPWORDS = new Set(
  (
    'a an the and or but of to in on at by for with from as is are was were be been being has have had do does did ' +
    'he she they it his her their its him them this that these those there here which who whom what when where ' +
    'patient patients reports reported report states stated notes noted says said also any some not no yes ' +
    'i you we me my your our us will would can could should may might about into over after before than then'
  ).split(' '),
);
// "no", "not", "denies" matter to meaning but are checked by the consistency checker, not here.

/** Content words, lightly stemmed so "coughing", "coughs" and "cough" meet. */
export const contentWords = (text: string): string[] =>
  (text.toLowerCase().match(/[a-z]+|\d+(?:\.\d+)?/g) ?? [])
    .filter((w) => !STOPWORDS.has(w) && (w.length > 2 || /\d/.test(w)))
    .map(stem);

function stem(word: string): string {
  if (/\d/.test(word) || word.length <= 4) return word;
  return word.replace(/(?:ing|edly|ed|ly|es|s)$/, '') || word;
}

const isNumber = (w: string): boolean => /^\d/.test(w);

export type Aligner = (sentence: string, facts: readonly AlignCandidate[]) => Alignment;

export const MIN_COVERAGE = 0.5;
const MAX_CANDIDATES = 3;

/** An aligner over one visit's transcript (word rarity is computed once per visit). */
export const createAligner = (segments: readonly { id: string; text: string }[]): Aligner => {
  const transcript: AlignCandidate[] = segments.flatMap((segment) =>
    splitSentences(segment.text).map((span) => ({
      text: span.text,
      evidence: [{ segmentId: segment.id, start: span.start, end: span.end }],
    })),
  );
  const wordSets = transcript.map((c) => new Set(contentWords(c.text)));
  const documentFrequency = new Map<string, number>();
  for (const words of wordSets) for (const w of words) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
  const weight = (w: string): number => Math.log(1 + (transcript.length + 1) / (1 + (documentFrequency.get(w) ?? 0)));

  return (sentence, facts) => {
    const words = [...new Set(contentWords(sentence))];
    if (words.length === 0) return { evidence: [], coverage: 0, supported: false };
    const total = words.reduce((sum, w) => sum + weight(w), 0);
    const pool = [
      ...facts.map((c) => ({ candidate: c, words: new Set(contentWords(c.text)) })),
      ...transcript.map((c, i) => ({ candidate: c, words: wordSets[i] ?? new Set<string>() })),
    ];
    const covered = new Set<string>();
    const chosen: AlignCandidate[] = [];
    // Greedy set cover: each step takes the candidate that adds the most uncovered weight.
    for (let step = 0; step < MAX_CANDIDATES; step++) {
      let best: (typeof pool)[number] | null = null;
      let bestGain = 0;
      for (const entry of pool) {
        let gain = 0;
        for (const w of words) if (!covered.has(w) && entry.words.has(w)) gain += weight(w);
        if (gain > bestGain) {
          bestGain = gain;
          best = entry;
        }
      }
      if (!best) break;
      chosen.push(best.candidate);
      for (const w of words) if (best.words.has(w)) covered.add(w);
    }
    const coverage = words.reduce((sum, w) => sum + (covered.has(w) ? weight(w) : 0), 0) / total;
    const numbersSaid = words.filter(isNumber).every((w) => covered.has(w));
    const evidence = dedupe(chosen.flatMap((c) => c.evidence));
    return { evidence, coverage, supported: coverage >= MIN_COVERAGE && numbersSaid && evidence.length > 0 };
  };
};

const dedupe = (evidence: readonly Evidence[]): Evidence[] => {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.segmentId}:${String(e.start)}:${String(e.end)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
