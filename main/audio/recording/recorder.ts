import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../../../common/errors';
import { createLogger } from '../../log/logger';
import { isErrno } from '../../store/atomic-file';
import {
  HEADER_SEQ,
  encodeHeader,
  encodePcm,
  encodeTrailer,
  type RecordingHeader,
  type StopReason,
} from './chunk-codec';
import { createLevelMeter, type LevelMeter } from './level-meter';
import { acceptPcmChunk, bytesPerFrame, decodeInterleaved, framesToMs } from './pcm-format';
import {
  startInputSchema,
  type Recorder,
  type RecorderEvent,
  type RecorderOptions,
  type RecordingSummary,
} from './recorder-types';
import { durationMsOf, inspectRecording, readRecordingPcm } from './recording-reader';
import { findInterruptedRecordings, recoverRecording } from './recovery';

const log = createLogger('audio.recording');

type Active = {
  id: string;
  header: RecordingHeader;
  frameBytes: number;
  state: 'recording' | 'paused' | 'ended';
  buffer: Buffer[];
  bufferedFrames: number;
  framesSealed: number;
  framesAccepted: number;
  nextSeq: number;
  chunks: number;
  lastSealAt: number;
  meter: LevelMeter;
  queue: Promise<unknown>;
  /** Set when the recording ended by itself (a failed write). */
  endedWith: RecordingSummary | null;
};

const notRunning = (): AppError => new AppError('RECORDING_STATE', 'That recording is not running.');

export const createRecorder = (options: RecorderOptions): Recorder => {
  const { vault } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const sealIntervalMs = options.sealIntervalMs ?? 1000;
  const levelIntervalMs = options.levelIntervalMs ?? 100;
  const maxAppendMs = options.maxAppendMs ?? 10_000;
  const active = new Map<string, Active>();
  const listeners = new Set<(event: RecorderEvent) => void>();

  const emit = (event: RecorderEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A listener's bug must not break the recording.
      }
    }
  };

  const summaryOf = (a: Active): RecordingSummary => ({
    durationMs: durationMsOf(a.framesSealed, a.header.sampleRate),
    chunks: a.chunks,
    frames: a.framesSealed,
  });

  /** Serialises the operations of one recording: chunks are sealed in order, one at a time. */
  const enqueue = <T>(a: Active, task: () => Promise<T>): Promise<T> => {
    const run = a.queue.then(task);
    a.queue = run.catch(() => undefined);
    return run;
  };

  const writeTrailer = async (a: Active, reason: StopReason): Promise<boolean> => {
    const trailer = encodeTrailer({
      v: 1,
      reason,
      stoppedAt: new Date(clock.now()).toISOString(),
      frames: a.framesSealed,
      chunks: a.chunks,
    });
    try {
      await vault.write(a.id, a.nextSeq, trailer);
      a.nextSeq += 1;
      return true;
    } catch (error) {
      // The audio is sealed; without the marker the recording is found and recovered at next start.
      log.warn('trailer_write_failed', { recordingId: a.id, code: isAppError(error) ? error.code : 'io' });
      return false;
    }
  };

  /** A write failed: stop cleanly, keep everything sealed, tell the listeners. */
  const fail = async (a: Active, error: unknown): Promise<AppError> => {
    const diskFull = isErrno(error, 'ENOSPC') || isErrno(error, 'EDQUOT');
    const failure = diskFull
      ? new AppError('DISK_FULL', 'The disk is full: recording stopped. Everything before this point is saved.')
      : new AppError('INTERNAL', 'Saving the recording failed: recording stopped. What was saved is kept.', {
          cause: error,
        });
    const reason: StopReason = diskFull ? 'disk-full' : 'write-failed';
    const lostFrames = a.bufferedFrames;
    a.state = 'ended';
    a.buffer = [];
    a.bufferedFrames = 0;
    a.endedWith = summaryOf(a);
    await vault.sweepTempFiles(a.id).catch(() => 0);
    await writeTrailer(a, reason);
    log.error('recording_write_failed', { recordingId: a.id, code: failure.code, lostFrames, chunks: a.chunks });
    emit({ type: 'error', recordingId: a.id, code: failure.code, message: failure.message });
    emit({ type: 'state', recordingId: a.id, state: 'stopped', reason });
    return failure;
  };

  const seal = async (a: Active): Promise<void> => {
    if (a.bufferedFrames === 0) return;
    const pcm = Buffer.concat(a.buffer);
    const seq = a.nextSeq;
    try {
      await vault.write(a.id, seq, encodePcm(a.framesSealed, pcm));
    } catch (error) {
      throw await fail(a, error);
    }
    a.nextSeq += 1;
    a.chunks += 1;
    a.framesSealed += a.bufferedFrames;
    a.buffer = [];
    a.bufferedFrames = 0;
    a.lastSealAt = clock.now();
    emit({
      type: 'sealed',
      recordingId: a.id,
      seq,
      frames: a.framesSealed,
      elapsedMs: framesToMs(a.framesSealed, a.header.sampleRate),
    });
  };

  const mustGet = (recordingId: string): Active => {
    const a = active.get(recordingId);
    if (a === undefined) throw notRunning();
    return a;
  };

  const start: Recorder['start'] = async (input) => {
    const parsed = startInputSchema.safeParse(input);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'Invalid recording format.');
    const { encounterId, sampleRate, channels, format } = parsed.data;
    if (!(await options.hasRecordingConsent(encounterId))) {
      throw new AppError('RECORDING_CONSENT_REQUIRED', 'Recording needs the consent recorded for this visit.');
    }
    const id = randomUUID();
    const header: RecordingHeader = {
      v: 1,
      encounterId,
      sampleRate,
      channels,
      format,
      startedAt: new Date(clock.now()).toISOString(),
    };
    try {
      await vault.write(id, HEADER_SEQ, encodeHeader(header));
    } catch (error) {
      await vault.removeRecording(id).catch(() => undefined);
      if (isErrno(error, 'ENOSPC') || isErrno(error, 'EDQUOT')) {
        throw new AppError('DISK_FULL', 'The disk is full: the recording could not start.');
      }
      throw error;
    }
    active.set(id, {
      id,
      header,
      frameBytes: bytesPerFrame(header),
      state: 'recording',
      buffer: [],
      bufferedFrames: 0,
      framesSealed: 0,
      framesAccepted: 0,
      nextSeq: HEADER_SEQ + 1,
      chunks: 0,
      lastSealAt: clock.now(),
      meter: createLevelMeter({
        blockFrames: Math.max(1, Math.round((sampleRate * levelIntervalMs) / 1000)),
        channels,
      }),
      queue: Promise.resolve(),
      endedWith: null,
    });
    log.info('recording_started', { recordingId: id, sampleRate, channels, format });
    emit({ type: 'state', recordingId: id, state: 'recording' });
    return id;
  };

  const append: Recorder['append'] = async (recordingId, bytes) => {
    const a = mustGet(recordingId);
    // Validated before it is queued: a bad chunk is refused without touching what is recorded.
    const maxFrames = Math.floor((a.header.sampleRate * maxAppendMs) / 1000);
    const pcm = acceptPcmChunk(bytes, a.header, maxFrames);
    await enqueue(a, async () => {
      if (a.state !== 'recording') throw notRunning();
      const frames = pcm.length / a.frameBytes;
      a.buffer.push(pcm);
      a.bufferedFrames += frames;
      a.framesAccepted += frames;
      for (const level of a.meter.push(decodeInterleaved(pcm, a.header.format))) {
        emit({
          type: 'level',
          recordingId,
          rmsDbfs: level.rmsDbfs,
          peakDbfs: level.peakDbfs,
          elapsedMs: framesToMs(level.atFrame, a.header.sampleRate),
        });
      }
      const bufferedMs = framesToMs(a.bufferedFrames, a.header.sampleRate);
      if (bufferedMs >= sealIntervalMs || clock.now() - a.lastSealAt >= sealIntervalMs) await seal(a);
    });
  };

  const pause: Recorder['pause'] = async (recordingId) => {
    const a = mustGet(recordingId);
    await enqueue(a, async () => {
      if (a.state !== 'recording') throw notRunning();
      // A pause may last long (or end in a crash): everything so far goes to disk now.
      await seal(a);
      a.state = 'paused';
      emit({ type: 'state', recordingId, state: 'paused' });
    });
  };

  const resume: Recorder['resume'] = async (recordingId) => {
    const a = mustGet(recordingId);
    await enqueue(a, () => {
      if (a.state !== 'paused') throw new AppError('RECORDING_STATE', 'That recording is not paused.');
      a.state = 'recording';
      a.lastSealAt = clock.now();
      emit({ type: 'state', recordingId, state: 'recording' });
      return Promise.resolve();
    });
  };

  const stop: Recorder['stop'] = async (recordingId) => {
    const a = mustGet(recordingId);
    return await enqueue(a, async () => {
      active.delete(recordingId);
      // Ended by a failed write: the caller still gets what was kept.
      if (a.endedWith !== null) return a.endedWith;
      try {
        await seal(a);
      } catch (error) {
        // The last write failed: the error event has told the listeners; the rest is kept.
        if (a.state === 'ended') return summaryOf(a);
        throw error;
      }
      await writeTrailer(a, 'stopped');
      a.state = 'ended';
      const summary = summaryOf(a);
      log.info('recording_stopped', { recordingId, chunks: summary.chunks, durationMs: summary.durationMs });
      emit({ type: 'state', recordingId, state: 'stopped', reason: 'stopped' });
      return summary;
    });
  };

  const findInterrupted: Recorder['findInterrupted'] = () =>
    findInterruptedRecordings(vault, (recordingId) => active.has(recordingId));

  const recover: Recorder['recover'] = async (recordingId) => {
    if (active.has(recordingId)) throw new AppError('RECORDING_STATE', 'That recording is still running.');
    return recoverRecording(vault, recordingId, clock);
  };

  const state: Recorder['state'] = async (recordingId) => {
    const a = active.get(recordingId);
    if (a !== undefined) return a.state === 'ended' ? 'stopped' : a.state;
    const info = await inspectRecording(vault, recordingId);
    return info.state === 'stopped' ? 'stopped' : 'interrupted';
  };

  return {
    start,
    append,
    pause,
    resume,
    stop,
    on(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    findInterrupted,
    recover,
    readPcm: (recordingId) => readRecordingPcm(vault, recordingId),
    state,
  };
};
