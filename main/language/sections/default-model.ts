/**
 * The committed model (models/section-classifier/model.json) and the pipeline's entry points.
 * Found via QUIETCHART_SECTION_MODEL, else by walking up from the working directory to the project
 * root; the app's composition root passes its own path (packaged resources) to `setSectionModelPath`.
 * Loaded lazily on first use, once.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../../../common/errors';
import { classifySegmentsWith, classifyTextWith } from './classifier';
import type { ClassifyOptions, SectionPrediction, SegmentInput } from './classifier';
import type { SectionModel } from './model';
import { loadSectionModel } from './model-format';

export const SECTION_MODEL_RELATIVE_PATH = join('models', 'section-classifier', 'model.json');

export const findSectionModelPath = (startDir: string = process.cwd()): string => {
  const override = process.env['QUIETCHART_SECTION_MODEL'];
  if (override) return resolve(override);
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, SECTION_MODEL_RELATIVE_PATH);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new AppError('NOT_FOUND', 'The section classifier model was not found (set QUIETCHART_SECTION_MODEL).');
};

let cached: SectionModel | undefined;
let configuredPath: string | undefined;

/** Where the app's own copy lives (packaged resources); takes precedence over the directory walk. */
export const setSectionModelPath = (modelPath: string | undefined): void => {
  configuredPath = modelPath;
  cached = undefined;
};

/** Installs the model the entry points below use (the app passes its bundled copy; tests a fixture). */
export const useSectionModel = (model: SectionModel | undefined): void => {
  cached = model;
};

export const defaultSectionModel = (): SectionModel => {
  cached ??= loadSectionModel(configuredPath ?? findSectionModelPath());
  return cached;
};

/** One utterance or a short dialogue → its section, or `none` below the model's threshold. */
export const classifySection = (text: string, options: ClassifyOptions = {}): SectionPrediction =>
  classifyTextWith(defaultSectionModel(), text, options);

/** Transcript segments → a section per segment, each read with its neighbouring turns as context. */
export const classifySegments = (
  segments: readonly SegmentInput[],
  options: ClassifyOptions = {},
): SectionPrediction[] => classifySegmentsWith(defaultSectionModel(), segments, options);
