/**
 * Visits as audio: a live recording (sealed to encrypted chunks as it arrives and transcribed while
 * the visit goes on) or an imported file (decoded in memory, stored as an encrypted 16 kHz recording,
 * transcribed through the same path). When the audio ends, the remaining windows are transcribed, the
 * encounter's transcript is replaced by the timed, speaker-labelled segments (with English beside any
 * non-English speech), and the language pipeline drafts findings and a note.
 */
import { AppError } from '../../common/errors';
import { createResampler, downmix, memorySource, streamAudio16kFromSource, type Resampler } from '../audio';
import { decodeInterleaved, deinterleave } from '../audio/recording/pcm-format';
import type { Recorder, RecordingFormat } from '../audio/recording';
import type { SileroModel } from '../audio/vad';
import type { WorkerHost } from '../inference/worker-host';
import { createLogger } from '../log/logger';
import {
  createLiveTranscriber,
  SPEECH_SAMPLE_RATE,
  type LiveTranscriber,
  type TranscriptPiece,
} from '../speech/live-transcriber';
import type { WhisperPrecision } from '../speech/whisper-engine';
import { createWorkerTranscriber } from '../speech/worker-transcriber';
import type { Store } from '../store';
import type { JobContext } from './job-manager';
import { runEncounterPipeline, type PipelineRunResult } from './pipeline-service';

const log = createLogger('speech');

/** Imported audio is stored in 4-s chunks (the recorder refuses overlong appends). */
const IMPORT_APPEND_SAMPLES = 4 * 16_000;

export type AsrModelChoice = { modelDir: string; precision: WhisperPrecision; threads: number };

export type SpeechDeps = {
  store: Store;
  recorder: Recorder;
  workerHost: () => WorkerHost;
  vad: () => Promise<SileroModel>;
  /** The installed, hash-checked ASR model to use; MODEL_NOT_INSTALLED when there is none. */
  asrModel: () => Promise<AsrModelChoice>;
  /** Streamed pieces for the UI while a visit is transcribed. */
  onPieces?: (encounterId: string, pieces: TranscriptPiece[]) => void;
};

export type TranscriptionResult = {
  recordingId: string;
  audioMs: number;
  segments: number;
  languages: string[];
  pipeline: PipelineRunResult | null;
};

type LiveSession = {
  encounterId: string;
  format: RecordingFormat;
  transcriber: LiveTranscriber;
  resamplers: Resampler[];
  controller: AbortController;
  frames: number;
};

const requireEncounter = (store: Store, encounterId: string): void => {
  const encounter = store.repos.encounters.get(encounterId);
  if (!encounter) throw new AppError('NOT_FOUND', 'No such encounter.');
  if (encounter.status === 'signed')
    throw new AppError('CONFLICT', 'This encounter is signed; its transcript can no longer be replaced.');
};

/** Float samples → little-endian PCM16 bytes (how imported audio is stored for playback). */
const toPcm16 = (channels: readonly Float32Array[]): Uint8Array => {
  const frames = channels[0]?.length ?? 0;
  const out = new Uint8Array(frames * channels.length * 2);
  const view = new DataView(out.buffer);
  for (let f = 0; f < frames; f += 1)
    channels.forEach((channel, c) => {
      const v = Math.max(-1, Math.min(1, channel[f] ?? 0));
      view.setInt16((f * channels.length + c) * 2, Math.round(v < 0 ? v * 32768 : v * 32767), true);
    });
  return out;
};

export const createSpeechService = (deps: SpeechDeps) => {
  const live = new Map<string, LiveSession>();

  const newTranscriber = async (encounterId: string, signal: AbortSignal): Promise<LiveTranscriber> => {
    const model = await deps.asrModel();
    return createLiveTranscriber({
      vad: await deps.vad(),
      transcribe: createWorkerTranscriber(deps.workerHost(), model),
      // During a visit a window goes to the worker once its oldest speech is 20 s old.
      maxPendingMs: 20_000,
      // Non-English speech keeps its own text and gets Whisper's English beside it (English is not re-run).
      translate: true,
      signal,
      onPieces: (pieces) => deps.onPieces?.(encounterId, pieces),
    });
  };

  /** Replaces the encounter's transcript with the ASR pieces, then runs the language pipeline. */
  const persist = async (
    encounterId: string,
    recordingId: string,
    pieces: readonly TranscriptPiece[],
    audioMs: number,
    actorId: string | null,
    job: Pick<JobContext, 'signal' | 'progress'>,
  ): Promise<TranscriptionResult> => {
    const { store } = deps;
    requireEncounter(store, encounterId);
    if (pieces.length === 0) {
      // No speech was recognised: the audio is kept, and the transcript the encounter had stays.
      log.info('speech.no_speech', { recordingId, audioMs });
      return { recordingId, audioMs, segments: 0, languages: [], pipeline: null };
    }
    store.transaction(() => {
      store.repos.segments.replaceForEncounter(
        encounterId,
        pieces.map((p) => ({
          speaker: p.speaker,
          startMs: p.startMs,
          endMs: p.endMs,
          text: p.text,
          language: p.language,
          source: 'asr' as const,
          recordingId,
          englishText: p.englishText,
        })),
      );
      store.audit.append({
        action: 'transcript.import',
        actorId,
        entityType: 'encounter',
        entityId: encounterId,
        details: { format: 'asr', segments: pieces.length, audioMs, recordingId },
      });
    });
    const languages = [...new Set(pieces.map((p) => p.language).filter((l): l is string => l !== null))];
    const pipeline = await runEncounterPipeline(store, { encounterId, template: 'soap' }, actorId, job);
    log.info('speech.transcribed', { recordingId, segments: pieces.length, audioMs, languages: languages.length });
    return { recordingId, audioMs, segments: pieces.length, languages, pipeline };
  };

  const consented = (encounterId: string): boolean =>
    deps.store.repos.encounters.get(encounterId)?.consent.recording === true;

  return {
    /** Starts recording (refused without recording consent) and live transcription beside it. */
    async startRecording(input: RecordingFormat & { encounterId: string }): Promise<{ recordingId: string }> {
      requireEncounter(deps.store, input.encounterId);
      if (!consented(input.encounterId))
        throw new AppError('RECORDING_CONSENT_REQUIRED', 'Set the recording consent for this encounter first.');
      await deps.asrModel(); // fail before recording if no speech model is installed
      const recordingId = await deps.recorder.start(input);
      deps.store.audit.append({
        action: 'audio.record',
        actorId: null,
        entityType: 'encounter',
        entityId: input.encounterId,
        details: { recordingId, sampleRate: input.sampleRate, channels: input.channels },
      });
      const controller = new AbortController();
      live.set(recordingId, {
        encounterId: input.encounterId,
        format: { sampleRate: input.sampleRate, channels: input.channels, format: input.format },
        transcriber: await newTranscriber(input.encounterId, controller.signal),
        resamplers: Array.from({ length: input.channels }, () => createResampler(input.sampleRate, SPEECH_SAMPLE_RATE)),
        controller,
        frames: 0,
      });
      return { recordingId };
    },

    /** Seals the chunk first (the recording is safe whatever ASR does), then feeds live transcription. */
    async append(recordingId: string, bytes: Uint8Array): Promise<void> {
      const session = live.get(recordingId);
      if (!session) throw new AppError('RECORDING_STATE', 'This recording is not running.');
      await deps.recorder.append(recordingId, bytes);
      const channels = deinterleave(decodeInterleaved(bytes, session.format.format), session.format.channels).map(
        (c, i) => session.resamplers[i]?.process(c) ?? c,
      );
      session.frames += Math.floor(
        bytes.byteLength / ((session.format.format === 's16' ? 2 : 4) * session.format.channels),
      );
      try {
        await session.transcriber.push({ mono: downmix(channels), channels });
      } catch (error) {
        // Transcription trouble never stops the recording; stop() reports it.
        log.warn('speech.live_failed', { recordingId, code: error instanceof AppError ? error.code : 'INTERNAL' });
      }
    },

    pause: (recordingId: string) => deps.recorder.pause(recordingId),
    resume: (recordingId: string) => deps.recorder.resume(recordingId),

    /** Stops and finishes transcription; the returned body runs as a job (progress, cancel). */
    async stopRecording(recordingId: string, actorId: string | null, job: JobContext): Promise<TranscriptionResult> {
      const session = live.get(recordingId);
      if (!session) throw new AppError('RECORDING_STATE', 'This recording is not running.');
      live.delete(recordingId);
      const summary = await deps.recorder.stop(recordingId);
      job.signal.addEventListener('abort', () => {
        session.controller.abort();
      });
      const tail = session.resamplers.map((r) => r.flush());
      if ((tail[0]?.length ?? 0) > 0) await session.transcriber.push({ mono: downmix(tail), channels: tail });
      const pieces = await session.transcriber.finish();
      return persist(session.encounterId, recordingId, pieces, summary.durationMs, actorId, job);
    },

    /** Transcribes a sealed recording from disk (an interrupted one after recovery, or a re-run). */
    async transcribeRecording(
      encounterId: string,
      recordingId: string,
      actorId: string | null,
      job: JobContext,
    ): Promise<TranscriptionResult> {
      requireEncounter(deps.store, encounterId);
      const transcriber = await newTranscriber(encounterId, job.signal);
      let resamplers: Resampler[] | null = null;
      let frames = 0;
      let rate = SPEECH_SAMPLE_RATE;
      for await (const block of deps.recorder.readPcm(recordingId)) {
        rate = block.sampleRate;
        resamplers ??= block.channels.map(() => createResampler(block.sampleRate, SPEECH_SAMPLE_RATE));
        const channels = block.channels.map((c, i) => resamplers?.[i]?.process(c) ?? c);
        frames += block.samples.length;
        await transcriber.push({ mono: downmix(channels), channels });
      }
      const tail = (resamplers ?? []).map((r) => r.flush());
      if ((tail[0]?.length ?? 0) > 0) await transcriber.push({ mono: downmix(tail), channels: tail });
      const pieces = await transcriber.finish();
      return persist(encounterId, recordingId, pieces, Math.round((frames / rate) * 1000), actorId, job);
    },

    /**
     * An audio file from the clinician's disk: decoded from memory (never written unencrypted), stored
     * as an encrypted 16 kHz PCM16 recording for playback, and transcribed as it decodes.
     */
    async importAudio(
      input: { encounterId: string; bytes: Uint8Array },
      actorId: string | null,
      job: JobContext,
    ): Promise<TranscriptionResult> {
      requireEncounter(deps.store, input.encounterId);
      if (!consented(input.encounterId))
        throw new AppError('RECORDING_CONSENT_REQUIRED', 'Set the recording consent for this encounter first.');
      const transcriber = await newTranscriber(input.encounterId, job.signal);
      let recordingId: string | null = null;
      let samples = 0;
      try {
        for await (const block of streamAudio16kFromSource(memorySource(input.bytes), {
          signal: job.signal,
          onProgress: (fraction) => {
            job.progress(Math.round(fraction * 100), 100);
          },
        })) {
          recordingId ??= await deps.recorder.start({
            encounterId: input.encounterId,
            sampleRate: SPEECH_SAMPLE_RATE,
            channels: block.channels.length >= 2 ? 2 : 1,
            format: 's16',
          });
          const stored = block.channels.length >= 2 ? block.channels.slice(0, 2) : [block.mono];
          // The recorder takes at most a few seconds per append, as from a live microphone.
          for (let at = 0; at < block.mono.length; at += IMPORT_APPEND_SAMPLES)
            await deps.recorder.append(
              recordingId,
              toPcm16(stored.map((c) => c.subarray(at, at + IMPORT_APPEND_SAMPLES))),
            );
          samples += block.mono.length;
          await transcriber.push({ mono: block.mono, channels: stored });
        }
      } catch (error) {
        if (recordingId) await deps.recorder.stop(recordingId).catch(() => undefined);
        throw error;
      }
      if (!recordingId || samples === 0) throw new AppError('AUDIO_EMPTY', 'The audio file has no samples.');
      await deps.recorder.stop(recordingId);
      deps.store.audit.append({
        action: 'audio.import',
        actorId,
        entityType: 'encounter',
        entityId: input.encounterId,
        details: {
          recordingId,
          bytes: input.bytes.byteLength,
          audioMs: Math.round((samples / SPEECH_SAMPLE_RATE) * 1000),
        },
      });
      const pieces = await transcriber.finish();
      return persist(
        input.encounterId,
        recordingId,
        pieces,
        Math.round((samples / SPEECH_SAMPLE_RATE) * 1000),
        actorId,
        job,
      );
    },

    isLive: (recordingId: string): boolean => live.has(recordingId),
  };
};

export type SpeechService = ReturnType<typeof createSpeechService>;
