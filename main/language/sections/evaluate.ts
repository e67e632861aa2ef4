/**
 * Benchmark scoring: accuracy, per-class precision/recall/F1 and the most frequent confusions, for the
 * dialogue → section-header task of MTS-Dialog (every dialogue gets its most probable label; the
 * `none` threshold is for utterances and does not apply here).
 */
import { AppError } from '../../../common/errors';
import { predictLabel } from './classifier';
import { parseSectionCsv } from './dataset';
import type { SectionRow } from './dataset';
import { defaultSectionModel } from './default-model';
import { SECTION_LABELS } from './labels';
import type { SectionLabel } from './labels';
import type { SectionModel } from './model';

export type ClassScore = {
  support: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
};
export type Confusion = { gold: SectionLabel; predicted: SectionLabel; count: number };
export type SectionEvaluation = {
  n: number;
  accuracy: number;
  /** Labels with support or predictions in this data only. */
  perClass: Partial<Record<SectionLabel, ClassScore>>;
  confusions: Confusion[];
};

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

export const scoreSections = (gold: readonly SectionLabel[], predicted: readonly SectionLabel[]): SectionEvaluation => {
  if (gold.length !== predicted.length) {
    throw new AppError('VALIDATION_FAILED', 'Gold and predicted labels differ in number.');
  }
  const perClass: Partial<Record<SectionLabel, ClassScore>> = {};
  const pairs = new Map<string, Confusion>();
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] ?? g;
    if (p === g) correct += 1;
    else {
      const key = `${g}\u0000${p}`;
      const entry = pairs.get(key) ?? { gold: g, predicted: p, count: 0 };
      entry.count += 1;
      pairs.set(key, entry);
    }
  });
  for (const label of SECTION_LABELS) {
    const support = gold.filter((g) => g === label).length;
    const predictedCount = predicted.filter((p) => p === label).length;
    if (support === 0 && predictedCount === 0) continue;
    const hits = gold.filter((g, i) => g === label && predicted[i] === label).length;
    const precision = ratio(hits, predictedCount);
    const recall = ratio(hits, support);
    perClass[label] = {
      support,
      predicted: predictedCount,
      correct: hits,
      precision,
      recall,
      f1: ratio(2 * precision * recall, precision + recall),
    };
  }
  const confusions = [...pairs.values()].sort(
    (a, b) => b.count - a.count || a.gold.localeCompare(b.gold) || a.predicted.localeCompare(b.predicted),
  );
  return { n: gold.length, accuracy: ratio(correct, gold.length), perClass, confusions };
};

export const evaluateRows = (rows: readonly SectionRow[], model: SectionModel): SectionEvaluation =>
  scoreSections(
    rows.map((r) => r.label),
    rows.map((r) => predictLabel(model, r.dialogue)),
  );

/** `eval sections --data CSV`: MTS-Dialog CSV text → accuracy and per-class scores. */
export const evaluateSections = (csvText: string, model: SectionModel = defaultSectionModel()): SectionEvaluation =>
  evaluateRows(parseSectionCsv(csvText), model);
