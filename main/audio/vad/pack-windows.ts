import { z } from 'zod';
import { AppError } from '../../../common/errors';

/**
 * Whisper pads every input to 30 s, so many short chunks waste the encoder. Consecutive speech
 * segments are packed into windows of at most 30 s; silence between them is dropped (or kept when
 * shorter than mergeGapMs), and each window keeps the map from its own samples back to the recording.
 */
export type SampleSpan = { startSample: number; endSample: number };

/** `length` samples of the recording from `recordingStartSample`, placed at `windowStartSample`. */
export type WindowPiece = { windowStartSample: number; recordingStartSample: number; lengthSamples: number };

export type PackedWindow = {
  /** 0, 1, 2, ... in the order windows were emitted. */
  index: number;
  sampleRate: number;
  /** In order and back to back on the window's timeline; in order and disjoint on the recording's. */
  pieces: WindowPiece[];
  lengthSamples: number;
  durationMs: number;
  /** Span on the recording from the first piece's start to the last piece's end (gaps included). */
  recordingStartMs: number;
  recordingEndMs: number;
};

const packOptionsSchema = z.object({
  sampleRate: z.number().int().positive().default(16_000),
  maxWindowMs: z.number().positive().default(30_000),
  /** Silence between segments up to this long stays in the window as it was; longer gaps are cut. */
  mergeGapMs: z.number().min(0).default(0),
});
export type PackOptions = z.infer<typeof packOptionsSchema>;

const streamOptionsSchema = packOptionsSchema.extend({
  /** Emit when the oldest pending speech started this long before "now", so ASR keeps up live. */
  maxPendingMs: z.number().positive().default(Number.POSITIVE_INFINITY),
});
export type StreamPackOptions = z.infer<typeof streamOptionsSchema>;

const parseOptions = <T>(schema: z.ZodType<T>, options: unknown): T => {
  const parsed = schema.safeParse(options);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'Invalid window packing options.');
  return parsed.data;
};

export type WindowPacker = {
  /** Adds the next segment (in recording order); `nowMs` defaults to the segment's end. */
  push(segment: SampleSpan, nowMs?: number): PackedWindow[];
  /** Emits the pending window if its oldest speech is older than maxPendingMs at `nowMs`. */
  poll(nowMs: number): PackedWindow[];
  /** Emits whatever is pending. */
  flush(): PackedWindow[];
  /** Samples of speech waiting for a window. */
  readonly pendingSamples: number;
  /** Recording time where the oldest pending speech starts, or null when nothing is pending. */
  readonly oldestPendingMs: number | null;
};

/** Splits a span longer than `max` into the fewest near-equal parts that fit. */
const splitSpan = (span: SampleSpan, max: number): SampleSpan[] => {
  const length = span.endSample - span.startSample;
  const parts = Math.max(1, Math.ceil(length / max));
  return Array.from({ length: parts }, (_, i) => ({
    startSample: span.startSample + Math.floor((length * i) / parts),
    endSample: span.startSample + Math.floor((length * (i + 1)) / parts),
  }));
};

export const createWindowPacker = (options: Partial<StreamPackOptions> = {}): WindowPacker => {
  const o = parseOptions(streamOptionsSchema, options);
  const toSamples = (ms: number): number => Math.round((ms * o.sampleRate) / 1000);
  const toMs = (samples: number): number => (samples * 1000) / o.sampleRate;
  const maxSamples = Math.floor((o.maxWindowMs * o.sampleRate) / 1000);
  if (maxSamples < 1) throw new AppError('VALIDATION_FAILED', 'Invalid window packing options.');
  const mergeGap = toSamples(o.mergeGapMs);

  let nextIndex = 0;
  let pieces: WindowPiece[] = [];
  let length = 0;
  let lastEnd = 0;

  const emit = (): PackedWindow[] => {
    const first = pieces[0];
    const last = pieces.at(-1);
    if (first === undefined || last === undefined) return [];
    const window: PackedWindow = {
      index: nextIndex,
      sampleRate: o.sampleRate,
      pieces,
      lengthSamples: length,
      durationMs: toMs(length),
      recordingStartMs: toMs(first.recordingStartSample),
      recordingEndMs: toMs(last.recordingStartSample + last.lengthSamples),
    };
    nextIndex += 1;
    pieces = [];
    length = 0;
    return [window];
  };

  const add = (part: SampleSpan, out: PackedWindow[]): void => {
    const last = pieces.at(-1);
    const partLength = part.endSample - part.startSample;
    if (last !== undefined) {
      const lastEndOnRecording = last.recordingStartSample + last.lengthSamples;
      const gap = part.startSample - lastEndOnRecording;
      if (gap <= mergeGap && length + gap + partLength <= maxSamples) {
        last.lengthSamples += gap + partLength;
        length += gap + partLength;
        return;
      }
      if (length + partLength > maxSamples) out.push(...emit());
    }
    pieces.push({ windowStartSample: length, recordingStartSample: part.startSample, lengthSamples: partLength });
    length += partLength;
    if (length === maxSamples) out.push(...emit());
  };

  const due = (nowMs: number): boolean => {
    const first = pieces[0];
    return first !== undefined && nowMs - toMs(first.recordingStartSample) >= o.maxPendingMs;
  };

  return {
    push(segment, nowMs) {
      const { startSample, endSample } = segment;
      if (
        !Number.isInteger(startSample) ||
        !Number.isInteger(endSample) ||
        startSample < lastEnd ||
        endSample < startSample
      ) {
        throw new AppError('VALIDATION_FAILED', 'Speech segments must be in order and must not overlap.');
      }
      lastEnd = endSample;
      const out: PackedWindow[] = [];
      if (endSample === startSample) return out;
      for (const part of splitSpan(segment, maxSamples)) add(part, out);
      if (due(nowMs ?? toMs(endSample))) out.push(...emit());
      return out;
    },
    poll: (nowMs) => (due(nowMs) ? emit() : []),
    flush: emit,
    get pendingSamples() {
      return length;
    },
    get oldestPendingMs() {
      const first = pieces[0];
      return first === undefined ? null : toMs(first.recordingStartSample);
    },
  };
};

/** Packs a whole recording's segments (sorted, non-overlapping) into windows. */
export const packWindows = (segments: readonly SampleSpan[], options: Partial<PackOptions> = {}): PackedWindow[] => {
  const packer = createWindowPacker(options);
  return [...segments.flatMap((segment) => packer.push(segment)), ...packer.flush()];
};

/**
 * Maps a position in a window's audio back to the recording. A position on a join belongs to the
 * later piece; positions outside the window clamp to its ends. Monotone and exact within each piece.
 */
export const windowSampleToRecordingSample = (window: PackedWindow, windowSample: number): number => {
  const { pieces } = window;
  const first = pieces[0];
  const last = pieces.at(-1);
  if (first === undefined || last === undefined) throw new AppError('VALIDATION_FAILED', 'The window is empty.');
  if (windowSample <= 0 || Number.isNaN(windowSample)) return first.recordingStartSample;
  if (windowSample >= window.lengthSamples) return last.recordingStartSample + last.lengthSamples;
  // Binary search for the last piece starting at or before the position.
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((pieces[mid]?.windowStartSample ?? Number.POSITIVE_INFINITY) <= windowSample) lo = mid;
    else hi = mid - 1;
  }
  const piece = pieces[lo] ?? first;
  return piece.recordingStartSample + (windowSample - piece.windowStartSample);
};

/** The same in milliseconds: a time inside the window (e.g. an ASR timestamp) to recording ms. */
export const windowMsToRecordingMs = (window: PackedWindow, windowMs: number): number =>
  (windowSampleToRecordingSample(window, (windowMs * window.sampleRate) / 1000) * 1000) / window.sampleRate;
