/** Crash-safe microphone recording into sealed ChunkVault files, and reading it back for ASR. */
export { createRecorder } from './recorder';
export {
  type InterruptedRecording,
  type Recorder,
  type RecorderClock,
  type RecorderEvent,
  type RecorderOptions,
  type RecordingState,
  type RecordingSummary,
  type StartRecordingInput,
} from './recorder-types';
export { findInterruptedRecordings, recoverRecording } from './recovery';
export { readRecordingPcm, inspectRecording, type PcmBlock, type RecordingInfo } from './recording-reader';
export { recordingFormatSchema, type RecordingFormat, type SampleFormat } from './pcm-format';
export type { StopReason } from './chunk-codec';
export { SILENCE_DBFS } from './level-meter';
