/** The in-memory section model: feature settings, idf table, the linear layer and decision settings. */
import type { FeatureConfig } from './features';
import type { SectionLabel } from './labels';
import type { LinearParams } from './linear';

export type ContextSettings = {
  /** Neighbouring turns on each side that count as context for an utterance. */
  window: number;
  /** Weight of the context vector relative to the utterance's own vector (1). */
  weight: number;
};

export type SectionModel = {
  labels: readonly SectionLabel[];
  features: FeatureConfig;
  idf: Float32Array;
  params: LinearParams;
  /** Below this top probability an utterance gets no section. */
  threshold: number;
  context: ContextSettings;
};
