/**
 * From labelled data to a SectionModel. Three kinds of training input, one feature pipeline:
 *   - MTS-Dialog dialogues (the task; idf is computed from these only),
 *   - extra documents: note-style texts under a header (MTS-Dialog section_text, ACI-Bench note
 *     sections), at a lower weight,
 *   - labelled transcripts: single turns read with their neighbours exactly as classifySegments reads
 *     them (context.ts), so the model also learns the utterance-level input it gets in the pipeline.
 * Class weights (N / (K·n_c))^power counter MTS-Dialog's skew (29% FAM/SOCHX, 0.2% LABS).
 */
import { segmentVector, prepareTurns } from './context';
import { computeIdf, countFeatures, vectorize } from './features';
import type { FeatureConfig } from './features';
import { SECTION_LABELS, labelIndex } from './labels';
import type { SectionLabel } from './labels';
import type { ContextSettings, SectionModel } from './model';
import { roundTripTable } from './quantize';
import type { SectionRow } from './dataset';
import { trainLinear } from './train';
import type { TrainOptions, TrainingExample } from './train';
import { parseTurns } from './turns';
import type { Turn } from './turns';

export type SectionTrainingSettings = {
  features: FeatureConfig;
  train: Omit<TrainOptions, 'onEpoch'>;
  /** Class weight (N / (K·n_c))^power: 0 = none, 1 = fully balanced. */
  classWeightPower: number;
  threshold: number;
  context: ContextSettings;
};

/** A weakly related training text (e.g. a note section written under that header). */
export type ExtraDocument = { text: string; label: SectionLabel; weight: number };

/** A transcript with a label (or null: not used) per turn. */
export type LabelledTranscript = { turns: Turn[]; labels: (SectionLabel | null)[]; weight: number };

export type TrainingExtras = { documents?: readonly ExtraDocument[]; transcripts?: readonly LabelledTranscript[] };

export const classWeights = (labels: readonly number[], classes: number, power: number): Float64Array => {
  const counts = new Float64Array(classes);
  for (const label of labels) counts[label] = (counts[label] ?? 0) + 1;
  const present = counts.filter((c) => c > 0).length;
  return counts.map((c) => (c > 0 ? (labels.length / (present * c)) ** power : 0));
};

export const fitSectionModel = (
  rows: readonly SectionRow[],
  settings: SectionTrainingSettings,
  extras: TrainingExtras = {},
  onEpoch?: TrainOptions['onEpoch'],
): SectionModel => {
  const { features, context } = settings;
  const dialogues = rows.map((row) => ({
    counts: countFeatures(parseTurns(row.dialogue), features),
    label: row.label,
  }));
  // Rounded as the model file stores it, so training sees exactly the features inference will.
  const idf = roundTripTable(
    computeIdf(
      dialogues.map((d) => d.counts),
      features.dimension,
    ),
  );
  const perClass = classWeights(
    rows.map((r) => labelIndex(r.label)),
    SECTION_LABELS.length,
    settings.classWeightPower,
  );
  const example = (
    x: TrainingExample['x'],
    label: SectionLabel,
    weight: number,
    balance = perClass,
  ): TrainingExample => ({
    x,
    label: labelIndex(label),
    weight: (balance[labelIndex(label)] ?? 1) * weight,
  });
  const examples: TrainingExample[] = dialogues.map((d) => example(vectorize(d.counts, idf, features), d.label, 1));
  for (const doc of extras.documents ?? []) {
    examples.push(
      example(vectorize(countFeatures(parseTurns(doc.text), features), idf, features), doc.label, doc.weight),
    );
  }
  // Transcript turns are balanced among themselves: MTS-Dialog's rare labels (EXAM, PLAN, LABS) are
  // common in whole visits, and MTS-Dialog's factors (up to 30×) would let them swamp the dialogues.
  const transcripts = extras.transcripts ?? [];
  const turnBalance = classWeights(
    transcripts.flatMap((t) => t.labels.flatMap((l) => (l === null ? [] : [labelIndex(l)]))),
    SECTION_LABELS.length,
    settings.classWeightPower,
  );
  for (const transcript of transcripts) {
    const prepared = prepareTurns(transcript.turns, features);
    transcript.labels.forEach((label, i) => {
      if (label === null || prepared.smallTalk[i]) return;
      const x = segmentVector(prepared, i, context, idf, features);
      examples.push(example(x, label, transcript.weight, turnBalance));
    });
  }
  const params = trainLinear(examples, features.dimension, SECTION_LABELS.length, { ...settings.train, onEpoch });
  return { labels: SECTION_LABELS, features, idf, params, threshold: settings.threshold, context };
};
