export type { ParsedSegment, ParsedTranscript, TranscriptWarning, TranscriptWarningCode } from './types';
export { TranscriptFormat } from './types';
export { parseTranscript, parseTranscriptBytes } from './parse-transcript';
export type { TranscriptTextInput, TranscriptBytesInput } from './parse-transcript';
export {
  DEFAULT_MAX_TRANSCRIPT_BYTES,
  TRANSCRIPT_INPUT_ERRORS,
  decodeTranscriptBytes,
  normaliseTranscriptText,
} from './input';
export { detectTranscriptFormat } from './detect';
export { roleForLabel, SPEAKER_LABEL_TABLE } from './speaker-labels';
export { renderTranscript } from './render';
export type { RenderableFormat } from './render';
export { JSON_TRANSCRIPT_ERRORS } from './formats/json';
export { clinicianCueScore, inferSpeakerRoles } from './speaker-heuristic';
export type { RoleInference } from './speaker-heuristic';
