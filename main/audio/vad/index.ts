/** Voice activity detection: Silero on ONNX Runtime, a pure segmenter, and the 30-s window packer. */
export {
  VAD_FRAME_SAMPLES,
  VAD_SAMPLE_RATE,
  SILERO_MODEL_SHA256,
  SILERO_MODEL_SPECIFIER,
  loadSileroModel,
  resolveSileroModelPath,
  type LoadSileroOptions,
  type SileroModel,
  type SileroStream,
} from './silero';
export {
  createSegmenter,
  resolveSegmenterOptions,
  segmentSpeech,
  type Segmenter,
  type SegmenterOptions,
  type SpeechSegment,
} from './segmenter';
export {
  createWindowPacker,
  packWindows,
  windowMsToRecordingMs,
  windowSampleToRecordingSample,
  type PackOptions,
  type PackedWindow,
  type SampleSpan,
  type StreamPackOptions,
  type WindowPacker,
  type WindowPiece,
} from './pack-windows';
export { createSpeechDetector, detectSpeech, type SpeechDetector, type SpeechDetectorOptions } from './speech-detector';
