import { AppError } from '../../../common/errors';
import { createSegmenter, type SegmenterOptions, type SpeechSegment } from './segmenter';
import { VAD_FRAME_SAMPLES, VAD_SAMPLE_RATE, type SileroModel } from './silero';

/** Silero probabilities feeding the segmenter: 16 kHz samples in, closed speech segments out. */
export type SpeechDetector = {
  /** Any block length; resolves with the segments that closed (streaming, for a live visit). */
  push(samples: Float32Array): Promise<SpeechSegment[]>;
  /** End of audio: closes the last segment, clamped to the real length. */
  flush(): Promise<SpeechSegment[]>;
  /** Samples pushed so far: "now" on the recording's timeline. */
  readonly samplesPushed: number;
};

export type SpeechDetectorOptions = Partial<Omit<SegmenterOptions, 'sampleRate' | 'frameSamples'>>;

export const createSpeechDetector = (model: SileroModel, options: SpeechDetectorOptions = {}): SpeechDetector => {
  const stream = model.createStream();
  const segmenter = createSegmenter({ ...options, sampleRate: VAD_SAMPLE_RATE, frameSamples: VAD_FRAME_SAMPLES });
  return {
    async push(samples) {
      return segmenter.push(await stream.push(samples));
    },
    async flush() {
      const total = stream.samplesPushed;
      const segments = segmenter.push(await stream.flush());
      stream.reset();
      return [...segments, ...segmenter.flush(total)];
    },
    get samplesPushed() {
      return stream.samplesPushed;
    },
  };
};

/** Whole-buffer convenience: the speech segments of 16 kHz mono audio. */
export const detectSpeech = async (
  model: SileroModel,
  samples: Float32Array,
  options: SpeechDetectorOptions = {},
): Promise<SpeechSegment[]> => {
  if (samples.length === 0) throw new AppError('AUDIO_EMPTY', 'There is no audio to analyse.');
  const detector = createSpeechDetector(model, options);
  return [...(await detector.push(samples)), ...(await detector.flush())];
};
