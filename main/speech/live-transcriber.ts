/**
 * Streaming transcription of one recording: 16 kHz blocks go in as they are recorded (or decoded),
 * Silero VAD closes speech segments, the packer fills windows of up to 30 s with them, and each window
 * is transcribed as soon as it is full (or its oldest speech has waited long enough), one at a time,
 * while more audio arrives. Only the audio not yet transcribed is kept, so a 6-hour file or visit uses
 * bounded memory. Times are mapped from window back to recording; speakers come from the channels of a
 * two-channel recording, otherwise from what was said.
 */
import type { SpeakerRole } from '../../common/domain';
import { AppError } from '../../common/errors';
import {
  createSpeechDetector,
  createWindowPacker,
  windowMsToRecordingMs,
  type PackedWindow,
  type SampleSpan,
  type SileroModel,
  type SpeechDetectorOptions,
} from '../audio/vad';
import { alignTranslation } from './align-translation';
import { roleFromChannels, roleFromText, type ChannelRoles, DEFAULT_CHANNEL_ROLES } from './speakers';
import type { TimedText, WindowResult } from './whisper-engine';

export const SPEECH_SAMPLE_RATE = 16_000;

export type WindowRequest = { pcm: Float32Array; language: string | null; translate: boolean; signal?: AbortSignal };
/** Transcribes one ≤ 30 s window: the inference worker in the app, or an in-process engine. */
export type WindowTranscriber = (request: WindowRequest) => Promise<WindowResult>;

export type TranscriptPiece = {
  startMs: number;
  endMs: number;
  speaker: SpeakerRole;
  text: string;
  language: string | null;
  englishText: string | null;
};

export type LiveTranscriberOptions = {
  vad: SileroModel;
  transcribe: WindowTranscriber;
  /** Fixed language (ISO code), or null to detect per window. */
  language?: string | null;
  translate?: boolean;
  /** Two channels = clinician mic / patient mic, mapped by these roles; ignored for mono. */
  channelRoles?: ChannelRoles;
  /** During a live visit a window is sent once its oldest speech is this old (ms), even if not full. */
  maxPendingMs?: number;
  vadOptions?: SpeechDetectorOptions;
  signal?: AbortSignal;
  onPieces?: (pieces: TranscriptPiece[]) => void;
  onWindow?: (stats: { index: number; durationMs: number; generatedTokens: number; wallMs: number }) => void;
};

export type AudioBlock = { mono: Float32Array; channels: readonly Float32Array[] };

export type LiveTranscriber = {
  push(block: AudioBlock): Promise<void>;
  /** End of audio: transcribes what is left and resolves with every piece, in order. */
  finish(): Promise<TranscriptPiece[]>;
  readonly windowsDone: number;
};

/** Keeps samples from `start` on; older samples are dropped once no pending window needs them. */
class SampleBuffer {
  private chunks: Float32Array[] = [];
  private startSample = 0;
  private length = 0;
  append(block: Float32Array): void {
    this.chunks.push(block);
    this.length += block.length;
  }
  get endSample(): number {
    return this.startSample + this.length;
  }
  /** Copies [from, to) of the recording; the range must still be buffered. */
  copy(from: number, to: number, into: Float32Array, at: number): void {
    if (from < this.startSample || to > this.endSample)
      throw new AppError('INTERNAL', 'Audio needed for a window is no longer buffered.');
    let offset = this.startSample;
    for (const chunk of this.chunks) {
      const chunkEnd = offset + chunk.length;
      const a = Math.max(from, offset);
      const b = Math.min(to, chunkEnd);
      if (a < b) into.set(chunk.subarray(a - offset, b - offset), at + (a - from));
      offset = chunkEnd;
      if (offset >= to) break;
    }
  }
  dropBefore(sample: number): void {
    while (this.chunks.length > 0) {
      const first = this.chunks[0];
      if (!first || this.startSample + first.length > sample) break;
      this.chunks.shift();
      this.startSample += first.length;
      this.length -= first.length;
    }
  }
}

const windowPcm = (window: PackedWindow, buffer: SampleBuffer): Float32Array => {
  const pcm = new Float32Array(window.lengthSamples);
  for (const piece of window.pieces)
    buffer.copy(
      piece.recordingStartSample,
      piece.recordingStartSample + piece.lengthSamples,
      pcm,
      piece.windowStartSample,
    );
  return pcm;
};

/** VAD segments are at most 30 s plus padding: keeping the last 40 s covers any segment still open. */
const OPEN_SEGMENT_TAIL_SAMPLES = 40 * SPEECH_SAMPLE_RATE;

export const createLiveTranscriber = (options: LiveTranscriberOptions): LiveTranscriber => {
  const detector = createSpeechDetector(options.vad, options.vadOptions ?? {});
  const packer = createWindowPacker({
    sampleRate: SPEECH_SAMPLE_RATE,
    ...(options.maxPendingMs === undefined ? {} : { maxPendingMs: options.maxPendingMs }),
  });
  const roles = options.channelRoles ?? DEFAULT_CHANNEL_ROLES;
  const mono = new SampleBuffer();
  let channelBuffers: SampleBuffer[] = [];
  const all: TranscriptPiece[] = [];
  let previousRole: SpeakerRole | null = null;
  let queue: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  let windowsDone = 0;
  // First recording sample of each window queued but not yet transcribed, and of the packer's pending speech.
  const queuedStarts = new Set<number>();
  let pendingStart: number | null = null;

  const cancelled = (): AppError => new AppError('JOB_CANCELLED', 'Transcription was cancelled.');

  const trim = (): void => {
    const keep = Math.min(
      ...queuedStarts,
      pendingStart ?? Infinity,
      detector.samplesPushed - OPEN_SEGMENT_TAIL_SAMPLES,
    );
    mono.dropBefore(keep);
    for (const b of channelBuffers) b.dropBefore(keep);
  };

  const speakerOf = (piece: TimedText, channelPcm: Float32Array[] | null): SpeakerRole => {
    if (channelPcm) {
      const role = roleFromChannels(channelPcm, SPEECH_SAMPLE_RATE, piece.startMs, piece.endMs, roles);
      if (role !== 'unknown') return role;
    }
    // No usable channel difference: what was said, and turn-taking from the last known speaker.
    return roleFromText(piece.text, previousRole);
  };

  const run = async (window: PackedWindow): Promise<void> => {
    if (options.signal?.aborted) throw cancelled();
    const pcm = windowPcm(window, mono);
    // Per-channel audio laid out like the window, so channel energy is read on the window's timeline.
    const channelPcm = channelBuffers.length > 1 ? channelBuffers.map((b) => windowPcm(window, b)) : null;
    const started = performance.now();
    const result = await options.transcribe({
      pcm,
      language: options.language ?? null,
      translate: options.translate ?? false,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const english = result.english ? alignTranslation(result.pieces, result.english) : null;
    const pieces = result.pieces.map((p, i): TranscriptPiece => {
      const speaker = speakerOf(p, channelPcm);
      if (speaker !== 'unknown') previousRole = speaker;
      const startMs = windowMsToRecordingMs(window, p.startMs);
      return {
        startMs,
        endMs: Math.max(startMs, windowMsToRecordingMs(window, p.endMs)),
        speaker,
        text: p.text,
        language: result.language,
        englishText: english?.[i] ? english[i] : null,
      };
    });
    all.push(...pieces);
    windowsDone += 1;
    options.onWindow?.({
      index: window.index,
      durationMs: window.durationMs,
      generatedTokens: result.generatedTokens,
      wallMs: performance.now() - started,
    });
    if (pieces.length > 0) options.onPieces?.(pieces);
  };

  const enqueue = (windows: readonly PackedWindow[]): void => {
    for (const window of windows) {
      const first = window.pieces[0]?.recordingStartSample ?? 0;
      queuedStarts.add(first);
      queue = queue.then(async () => {
        try {
          if (failure === null) await run(window);
        } catch (error) {
          failure = error;
        } finally {
          queuedStarts.delete(first);
          trim();
        }
      });
    }
  };

  const nowMs = (): number => (detector.samplesPushed / SPEECH_SAMPLE_RATE) * 1000;

  const handleSegments = (segments: readonly SampleSpan[]): void => {
    for (const segment of segments) {
      if (packer.pendingSamples === 0) pendingStart = segment.startSample;
      const emitted = packer.push(segment, nowMs());
      enqueue(emitted);
      // After an emission whatever is still pending belongs to this segment.
      if (packer.pendingSamples === 0) pendingStart = null;
      else if (emitted.length > 0) pendingStart = segment.startSample;
    }
    enqueue(packer.poll(nowMs()));
    if (packer.pendingSamples === 0) pendingStart = null;
    trim();
  };

  const throwIfFailed = (): void => {
    if (failure === null) return;
    throw failure instanceof Error ? failure : new AppError('INFERENCE_FAILED', 'Transcription failed.');
  };

  return {
    async push(block) {
      throwIfFailed();
      if (options.signal?.aborted) throw cancelled();
      mono.append(block.mono);
      if (block.channels.length > 1) {
        if (channelBuffers.length === 0) channelBuffers = block.channels.map(() => new SampleBuffer());
        block.channels.forEach((c, i) => {
          channelBuffers[i]?.append(c);
        });
      }
      handleSegments(await detector.push(block.mono));
    },
    async finish() {
      throwIfFailed();
      handleSegments(await detector.flush());
      enqueue(packer.flush());
      pendingStart = null;
      await queue;
      throwIfFailed();
      return all;
    },
    get windowsDone() {
      return windowsDone;
    },
  };
};
