/**
 * Inference: dialogue or utterance → section distribution → a label, or `none` when the top
 * probability is below the model's threshold (greetings and small talk spread their probability).
 * For a transcript, each segment is classified with its neighbouring turns as context.
 */
import { AppError } from '../../../common/errors';
import { prepareTurns } from './context';
import { segmentLogits } from './segment-logits';
import { featurizeTurns } from './features';
import type { SectionLabel, SectionOutcome } from './labels';
import { NO_SECTION } from './labels';
import { argmax, predictProba, softmax } from './linear';
import type { SectionModel } from './model';
import { isSmallTalk } from './small-talk';
import type { SparseVector } from './sparse';
import { parseTurns } from './turns';
import type { SpeakerRole } from './turns';

export type SectionDistribution = Record<SectionLabel, number>;
export type SectionPrediction = { label: SectionOutcome; probability: number; distribution: SectionDistribution };
export type SegmentInput = { text: string; speaker?: SpeakerRole };
export type ClassifyOptions = { threshold?: number };

const emptyDistribution = (): SectionDistribution => ({
  CC: 0,
  GENHX: 0,
  ROS: 0,
  PASTMEDICALHX: 0,
  PASTSURGICAL: 0,
  MEDICATIONS: 0,
  ALLERGY: 0,
  'FAM/SOCHX': 0,
  EXAM: 0,
  LABS: 0,
  IMAGING: 0,
  PROCEDURES: 0,
  ASSESSMENT: 0,
  DIAGNOSIS: 0,
  PLAN: 0,
  DISPOSITION: 0,
  EDCOURSE: 0,
  IMMUNIZATIONS: 0,
  GYNHX: 0,
  OTHER_HISTORY: 0,
});

const toPrediction = (model: SectionModel, proba: Float64Array, threshold: number): SectionPrediction => {
  const best = argmax(proba);
  const probability = proba[best] ?? 0;
  const distribution = emptyDistribution();
  model.labels.forEach((label, k) => {
    distribution[label] = proba[k] ?? 0;
  });
  const top = model.labels[best];
  return { label: top !== undefined && probability >= threshold ? top : NO_SECTION, probability, distribution };
};

export const distributionOf = (model: SectionModel, x: SparseVector): Float64Array => predictProba(model.params, x);

/** The most probable label, never `none` (what the benchmark scores). */
export const predictLabel = (model: SectionModel, text: string): SectionLabel => {
  const label =
    model.labels[argmax(distributionOf(model, featurizeTurns(parseTurns(text), model.idf, model.features)))];
  if (label === undefined) throw new AppError('INTERNAL', 'The section model has no labels.');
  return label;
};

export const classifyTextWith = (
  model: SectionModel,
  text: string,
  options: ClassifyOptions = {},
): SectionPrediction => {
  const x = featurizeTurns(parseTurns(text), model.idf, model.features);
  const prediction = toPrediction(model, distributionOf(model, x), options.threshold ?? model.threshold);
  return isSmallTalk(text) ? { ...prediction, label: NO_SECTION } : prediction;
};

/** Each segment read with its neighbouring turns (see context.ts); a small-talk segment is `none`. */
export const classifySegmentsWith = (
  model: SectionModel,
  segments: readonly SegmentInput[],
  options: ClassifyOptions = {},
): SectionPrediction[] => {
  const threshold = options.threshold ?? model.threshold;
  const prepared = prepareTurns(
    segments.map((s) => ({ speaker: s.speaker ?? 'unknown', text: s.text })),
    model.features,
  );
  return segmentLogits(prepared, model.params, model.idf, model.features, model.context).map((z, i) => {
    const prediction = toPrediction(model, softmax(z), threshold);
    return prepared.smallTalk[i] ? { ...prediction, label: NO_SECTION } : prediction;
  });
};
