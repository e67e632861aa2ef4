import { z } from 'zod';
import type { ErrorCode } from '../../../common/errors';
import type { ChunkVault } from '../../store/chunk-vault';
import type { StopReason } from './chunk-codec';
import { recordingFormatSchema, type RecordingFormat } from './pcm-format';
import type { PcmBlock } from './recording-reader';

export type RecorderClock = { now: () => number };

export type StartRecordingInput = RecordingFormat & { encounterId: string };
export const startInputSchema = recordingFormatSchema.extend({ encounterId: z.string().min(1).max(200) });

export type RecordingSummary = { durationMs: number; chunks: number; frames: number };

export type InterruptedRecording = RecordingFormat & {
  recordingId: string;
  encounterId: string;
  startedAt: string;
  /** Sealed PCM chunks that recover() will keep. */
  chunks: number;
};

export type RecordingState = 'recording' | 'paused' | 'stopped' | 'interrupted';

export type RecorderEvent =
  /** About ten times a second of audio: loudness of the last block, and the recording's length so far. */
  | { type: 'level'; recordingId: string; rmsDbfs: number; peakDbfs: number; elapsedMs: number }
  /** Audio up to elapsedMs is safely on disk. */
  | { type: 'sealed'; recordingId: string; seq: number; frames: number; elapsedMs: number }
  | { type: 'state'; recordingId: string; state: RecordingState; reason?: StopReason }
  /** The recording stopped itself (e.g. DISK_FULL); what was sealed is kept. */
  | { type: 'error'; recordingId: string; code: ErrorCode; message: string };

export type RecorderOptions = {
  vault: ChunkVault;
  /** Recording consent is the encounter's to give; the recorder asks before it starts. */
  hasRecordingConsent: (encounterId: string) => boolean | Promise<boolean>;
  clock?: RecorderClock;
  /** Buffered audio is sealed at least this often (of audio or of clock time): a crash loses less. */
  sealIntervalMs?: number;
  /** Level events per this much audio. */
  levelIntervalMs?: number;
  /** Longest single chunk accepted from the renderer. */
  maxAppendMs?: number;
};

export type Recorder = {
  start: (input: StartRecordingInput) => Promise<string>;
  /** One chunk of interleaved little-endian PCM in the format declared at start. */
  append: (recordingId: string, bytes: Uint8Array | ArrayBuffer) => Promise<void>;
  pause: (recordingId: string) => Promise<void>;
  resume: (recordingId: string) => Promise<void>;
  stop: (recordingId: string) => Promise<RecordingSummary>;
  /** Subscribe to events of every recording; returns the unsubscribe. */
  on: (listener: (event: RecorderEvent) => void) => () => void;
  /** On start-up: recordings cut off by a crash (no stop marker), oldest first. */
  findInterrupted: () => Promise<InterruptedRecording[]>;
  /** Finalises an interrupted recording: removes half-written files, keeps every sealed chunk. */
  recover: (recordingId: string) => Promise<RecordingSummary>;
  /** Decoded sealed audio in order, at the recording's own rate (`sampleRate` on every block). */
  readPcm: (recordingId: string) => AsyncGenerator<PcmBlock>;
  state: (recordingId: string) => Promise<RecordingState>;
};
