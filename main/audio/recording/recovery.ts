import { isAppError } from '../../../common/errors';
import { createLogger } from '../../log/logger';
import type { ChunkVault } from '../../store/chunk-vault';
import { HEADER_SEQ, encodeTrailer } from './chunk-codec';
import type { InterruptedRecording, RecorderClock, RecordingSummary } from './recorder-types';
import { countSealedFrames, durationMsOf, inspectRecording, listRecordingIds } from './recording-reader';

const log = createLogger('audio.recording');

/** Recordings in the vault without a stop marker (cut off by a crash or power loss), oldest first. */
export const findInterruptedRecordings = async (
  vault: ChunkVault,
  isRunning: (recordingId: string) => boolean,
): Promise<InterruptedRecording[]> => {
  const found: InterruptedRecording[] = [];
  for (const recordingId of await listRecordingIds(vault)) {
    if (isRunning(recordingId)) continue;
    try {
      const info = await inspectRecording(vault, recordingId);
      if (info.state !== 'recording') continue;
      const { encounterId, startedAt, sampleRate, channels, format } = info.header;
      found.push({ recordingId, encounterId, startedAt, sampleRate, channels, format, chunks: info.pcmSeqs.length });
    } catch (error) {
      // Nothing sealed (NOT_FOUND) has nothing to recover; anything else is reported and skipped.
      if (!isAppError(error) || error.code !== 'NOT_FOUND') {
        log.warn('interrupted_recording_unreadable', { recordingId, code: isAppError(error) ? error.code : 'io' });
      }
    }
  }
  return found.sort((x, y) => x.startedAt.localeCompare(y.startedAt));
};

/**
 * Finalises a recording cut off by a crash: removes half-written temp files, authenticates and keeps
 * every sealed chunk, and seals the stop marker. Idempotent: a stopped recording returns its summary.
 */
export const recoverRecording = async (
  vault: ChunkVault,
  recordingId: string,
  clock: RecorderClock,
): Promise<RecordingSummary> => {
  const swept = await vault.sweepTempFiles(recordingId);
  const info = await inspectRecording(vault, recordingId);
  if (info.trailer !== null) {
    const { frames, chunks } = info.trailer;
    return { durationMs: durationMsOf(frames, info.header.sampleRate), chunks, frames };
  }
  const frames = await countSealedFrames(vault, info);
  const chunks = info.pcmSeqs.length;
  const lastSeq = Math.max(HEADER_SEQ, ...info.pcmSeqs);
  const stoppedAt = new Date(clock.now()).toISOString();
  await vault.write(recordingId, lastSeq + 1, encodeTrailer({ v: 1, reason: 'recovered', stoppedAt, frames, chunks }));
  log.info('recording_recovered', { recordingId, chunks, frames, swept });
  return { durationMs: durationMsOf(frames, info.header.sampleRate), chunks, frames };
};
