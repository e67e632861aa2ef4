/** The section classifier's public surface (the pipeline, the CLI and on-device learning use these). */
export { SECTION_LABELS, NO_SECTION, isSectionLabel } from './labels';
export type { SectionLabel, SectionOutcome } from './labels';
export { NOTE_SECTIONS, SECTION_LABEL_MAP, noteSectionFor } from './label-map';
export type { NoteSection, NoteSectionTarget } from './label-map';
export { classifyTextWith, classifySegmentsWith, predictLabel } from './classifier';
export type { SectionPrediction, SectionDistribution, SegmentInput, ClassifyOptions } from './classifier';
export {
  classifySection,
  classifySegments,
  defaultSectionModel,
  findSectionModelPath,
  setSectionModelPath,
  useSectionModel,
} from './default-model';
export { evaluateSections, scoreSections } from './evaluate';
export type { SectionEvaluation, ClassScore, Confusion } from './evaluate';
export { loadSectionModel, parseSectionModelJson, decodeSectionModel, encodeSectionModel } from './model-format';
export type { SectionModel } from './model';
