import { z } from 'zod';
import { AppError } from '../../../common/errors';

/** A stretch of speech on the recording's timeline; samples are exact, milliseconds derived from them. */
export type SpeechSegment = { startSample: number; endSample: number; startMs: number; endMs: number };

export type SegmenterOptions = z.infer<typeof segmenterOptionsSchema>;

const segmenterOptionsSchema = z
  .object({
    sampleRate: z.number().int().positive().default(16_000),
    frameSamples: z.number().int().positive().default(512),
    /** A frame at or above this probability starts (or continues) speech. */
    startThreshold: z.number().min(0).max(1).default(0.5),
    /** Only frames below this count as silence; between the two thresholds nothing changes. */
    endThreshold: z.number().min(0).max(1).default(0.35),
    /** Bursts with less speech than this are dropped (clicks, coughs). */
    minSpeechMs: z.number().min(0).default(250),
    /** Silence this long closes a segment; shorter pauses stay inside it. */
    minSilenceMs: z.number().positive().default(500),
    /** Kept before and after the speech so words are not clipped. At most minSilenceMs. */
    padMs: z.number().min(0).default(100),
    /** Longer speech is split at its quietest frame. */
    maxSegmentMs: z.number().positive().default(30_000),
  })
  .refine((o) => o.endThreshold <= o.startThreshold, 'endThreshold must not exceed startThreshold')
  .refine((o) => o.padMs <= o.minSilenceMs, 'padMs must not exceed minSilenceMs')
  .refine(
    (o) => o.maxSegmentMs * o.sampleRate >= 4 * o.frameSamples * 1000 + 2 * o.padMs * o.sampleRate,
    'maxSegmentMs is too short to split speech',
  );

export const resolveSegmenterOptions = (options: Partial<SegmenterOptions> = {}): SegmenterOptions => {
  const parsed = segmenterOptionsSchema.safeParse(options);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'Invalid voice activity segmenter options.');
  return parsed.data;
};

export type Segmenter = {
  /** Feeds per-frame speech probabilities; returns the segments that closed. */
  push(probabilities: ArrayLike<number>): SpeechSegment[];
  /**
   * Closes any open segment at the end of the audio. `totalSamples` (the stream's real length, when
   * its last frame was zero-padded) clamps the end. The segmenter then starts over at sample 0.
   */
  flush(totalSamples?: number): SpeechSegment[];
  /** Frames consumed so far (the stream position is framesSeen * frameSamples). */
  readonly framesSeen: number;
};

type OpenSegment = {
  /** Padded start, never before the previous segment's end. */
  startSample: number;
  /** First frame of speech (or of the continuation after a split). */
  speechFrame: number;
  /** A continuation of split speech is kept however short it is. */
  continuation: boolean;
  /** First frame of the current run of silence, if one is running. */
  silenceFrame: number | null;
  /** Probabilities of frames speechFrame, speechFrame + 1, ... (to find where to split). */
  probabilities: number[];
};

export const createSegmenter = (options: Partial<SegmenterOptions> = {}): Segmenter => {
  const o = resolveSegmenterOptions(options);
  const F = o.frameSamples;
  const toSamples = (ms: number): number => Math.round((ms * o.sampleRate) / 1000);
  const pad = toSamples(o.padMs);
  const minSpeech = toSamples(o.minSpeechMs);
  const minSilence = toSamples(o.minSilenceMs);
  const maxSamples = Math.floor((o.maxSegmentMs * o.sampleRate) / 1000);

  let frame = 0;
  let lastEnd = 0;
  let open: OpenSegment | null = null;

  const segment = (startSample: number, endSample: number): SpeechSegment => ({
    startSample,
    endSample,
    startMs: (startSample * 1000) / o.sampleRate,
    endMs: (endSample * 1000) / o.sampleRate,
  });

  /** Ends the open segment where its speech ended; returns it unless it was too short to keep. */
  const close = (current: OpenSegment, speechEnd: number, limit: number): SpeechSegment[] => {
    open = null;
    const end = Math.min(speechEnd + pad, current.startSample + maxSamples, limit);
    const longEnough = current.continuation || speechEnd - current.speechFrame * F >= minSpeech;
    if (!longEnough || end <= current.startSample) return [];
    lastEnd = end;
    return [segment(current.startSample, end)];
  };

  /** Cuts over-long speech at its quietest frame in the later half; the rest continues unpadded. */
  const split = (current: OpenSegment): SpeechSegment => {
    const first = current.speechFrame;
    const last = frame;
    const from = Math.max(first + 1, Math.ceil((first + last) / 2));
    let cut = last;
    for (let k = from; k <= last; k += 1) {
      const p = current.probabilities[k - first] ?? 1;
      if (p < (current.probabilities[cut - first] ?? 1)) cut = k;
    }
    const done = segment(current.startSample, cut * F);
    lastEnd = done.endSample;
    open = {
      startSample: cut * F,
      speechFrame: cut,
      continuation: true,
      silenceFrame: null,
      probabilities: current.probabilities.slice(cut - first),
    };
    return done;
  };

  const step = (p: number, out: SpeechSegment[]): void => {
    if (open === null) {
      if (p >= o.startThreshold) {
        open = {
          startSample: Math.max(frame * F - pad, lastEnd, 0),
          speechFrame: frame,
          continuation: false,
          silenceFrame: null,
          probabilities: [p],
        };
      }
      return;
    }
    const current = open;
    current.probabilities.push(p);
    if (p >= o.startThreshold) current.silenceFrame = null;
    else if (p < o.endThreshold && current.silenceFrame === null) current.silenceFrame = frame;

    const frameEnd = (frame + 1) * F;
    if (current.silenceFrame !== null && frameEnd - current.silenceFrame * F >= minSilence) {
      out.push(...close(current, current.silenceFrame * F, frameEnd));
      return;
    }
    if (frameEnd - current.startSample > maxSamples) {
      // Already in a pause: end there. Otherwise cut inside the speech.
      if (current.silenceFrame !== null) out.push(...close(current, current.silenceFrame * F, frameEnd));
      else out.push(split(current));
    }
  };

  return {
    push(probabilities) {
      const out: SpeechSegment[] = [];
      for (let i = 0; i < probabilities.length; i += 1) {
        const p = probabilities[i] ?? 0;
        if (!Number.isFinite(p)) throw new AppError('VALIDATION_FAILED', 'A speech probability is not a number.');
        step(p, out);
        frame += 1;
      }
      return out;
    },
    flush(totalSamples) {
      const seen = frame * F;
      const limit = totalSamples === undefined ? seen : Math.min(seen, totalSamples);
      const out =
        open === null
          ? []
          : close(open, Math.min(open.silenceFrame === null ? seen : open.silenceFrame * F, limit), limit);
      frame = 0;
      lastEnd = 0;
      open = null;
      return out;
    },
    get framesSeen() {
      return frame;
    },
  };
};

/** Whole-recording convenience: segments of a complete probability sequence. */
export const segmentSpeech = (
  probabilities: ArrayLike<number>,
  options: Partial<SegmenterOptions> = {},
  totalSamples?: number,
): SpeechSegment[] => {
  const segmenter = createSegmenter(options);
  return [...segmenter.push(probabilities), ...segmenter.flush(totalSamples)];
};
