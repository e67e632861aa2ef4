import path from 'node:path';
import { loadAudio16k } from '../../audio';
import { loadSileroModel } from '../../audio/vad';
import { createWorkerHost, type WorkerHost } from '../../inference/worker-host';
import { createLiveTranscriber, SPEECH_SAMPLE_RATE, type TranscriptPiece } from '../../speech/live-transcriber';
import { tokenBudget } from '../../speech/token-budget';
import { transcribeFile } from '../../speech/transcribe-file';
import type { WhisperPrecision } from '../../speech/whisper-engine';
import { createWorkerTranscriber } from '../../speech/worker-transcriber';
import { UsageError, type CliContext } from '../context';
import { cliWorkerEntry } from '../worker-entry';

const PRECISIONS: readonly WhisperPrecision[] = ['fp32', 'q8', 'int8', 'fp16', 'q4'];

export type SpeechArgs = {
  audio: string | undefined;
  model: string | undefined;
  precision: string | undefined;
  threads: string | undefined;
  language: string | undefined;
  translate: boolean;
};

export const parsePrecision = (value: string | undefined): WhisperPrecision => {
  const precision = (value ?? 'fp32') as WhisperPrecision;
  if (!PRECISIONS.includes(precision)) throw new UsageError(`--precision must be one of ${PRECISIONS.join(', ')}.`);
  return precision;
};

export const parseThreads = (value: string | undefined): number => {
  const threads = Number(value ?? '2');
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UsageError('--threads must be 1..64.');
  return threads;
};

const required = (value: string | undefined, flag: string): string => {
  if (!value) throw new UsageError(`${flag} is required.`);
  return value;
};

/** The worker process that runs Whisper; the CLI stops it when the command ends. */
const withWorker = async <T>(ctx: CliContext, run: (host: WorkerHost) => Promise<T>): Promise<T> => {
  const host = createWorkerHost({ entry: cliWorkerEntry(ctx) });
  try {
    return await run(host);
  } finally {
    await host.shutdown();
  }
};

const formatTime = (ms: number): string =>
  `${Math.floor(ms / 60_000)}:${((ms % 60_000) / 1000).toFixed(2).padStart(5, '0')}`;

/** `transcribe --audio FILE --model DIR [--translate]`: timed, speaker-labelled segments. */
export const transcribeCommand = async (ctx: CliContext, args: SpeechArgs): Promise<void> => {
  const audio = required(args.audio, '--audio FILE');
  const modelDir = path.resolve(required(args.model, '--model DIR'));
  const precision = parsePrecision(args.precision);
  const threads = parseThreads(args.threads);
  const vad = await loadSileroModel();
  try {
    const result = await withWorker(ctx, (host) =>
      transcribeFile(audio, {
        vad,
        transcribe: createWorkerTranscriber(host, { modelDir, precision, threads }),
        language: args.language ?? null,
        translate: args.translate,
      }),
    );
    const segments = result.pieces.map((p: TranscriptPiece) => ({
      startMs: p.startMs,
      endMs: p.endMs,
      speaker: p.speaker,
      text: p.text,
      language: p.language,
      ...(args.translate ? { english: p.englishText } : {}),
    }));
    ctx.out.result({ audioMs: result.audioMs, windows: result.windows, segments }, () =>
      segments.map((s) => `[${formatTime(s.startMs)}–${formatTime(s.endMs)}] ${s.speaker}: ${s.text}`).join('\n'),
    );
  } finally {
    await vad.close();
  }
};

/**
 * `bench asr --audio FILE --model DIR [--min-seconds S]`: the whole speech path (VAD, 30-s windows,
 * Whisper in the worker process) over the file looped to at least S seconds. Decoding is bounded to
 * 3.5 tokens per second of window audio: random-weight models rarely stop on their own.
 */
export const benchAsr = async (ctx: CliContext, args: SpeechArgs & { minSeconds: number }): Promise<void> => {
  const file = required(args.audio, '--audio FILE');
  const modelDir = path.resolve(required(args.model, '--model DIR'));
  const precision = parsePrecision(args.precision);
  const threads = parseThreads(args.threads);
  const tokensPerSecond = 3.5;
  const audio = await loadAudio16k(file);
  const loops = Math.max(1, Math.ceil((args.minSeconds * SPEECH_SAMPLE_RATE) / audio.mono.length));
  const vad = await loadSileroModel();
  try {
    const value = await withWorker(ctx, async (host) => {
      const transcribe = createWorkerTranscriber(host, { modelDir, precision, threads, tokensPerSecond });
      // Load the model before the clock starts: the benchmark measures transcription, not loading.
      await host.request('asr.load', { modelDir, precision, threads });
      let maxTokensPerWindow = 0;
      let generatedTokens = 0;
      const live = createLiveTranscriber({
        vad,
        transcribe: async (request) => {
          maxTokensPerWindow = Math.max(
            maxTokensPerWindow,
            tokenBudget(request.pcm.length, SPEECH_SAMPLE_RATE, tokensPerSecond),
          );
          const result = await transcribe(request);
          generatedTokens += result.generatedTokens;
          return result;
        },
        language: args.language ?? null,
        translate: args.translate,
      });
      const started = performance.now();
      const block = 16_000;
      for (let loop = 0; loop < loops; loop += 1) {
        for (let i = 0; i < audio.mono.length; i += block) {
          const mono = audio.mono.subarray(i, i + block);
          await live.push({ mono, channels: [mono] });
        }
      }
      await live.finish();
      const wallSeconds = (performance.now() - started) / 1000;
      const audioSeconds = (loops * audio.mono.length) / SPEECH_SAMPLE_RATE;
      const worker = await host.request<{ peakRssMb: number }>('asr.stats');
      return {
        audioSeconds: Number(audioSeconds.toFixed(2)),
        wallSeconds: Number(wallSeconds.toFixed(2)),
        rtf: Number((wallSeconds / audioSeconds).toFixed(4)),
        peakRssMb: Math.max(worker.peakRssMb, Math.round(process.resourceUsage().maxRSS / 1024)),
        workerPeakRssMb: worker.peakRssMb,
        mainPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        maxTokensPerWindow,
        generatedTokens,
        windows: live.windowsDone,
        precision,
        threads,
      };
    });
    ctx.out.result(
      value,
      () =>
        `rtf ${value.rtf} (${value.audioSeconds} s audio in ${value.wallSeconds} s, ${value.windows} windows, ` +
        `${value.precision}, ${value.threads} threads); peak RSS ${value.peakRssMb} MB`,
    );
  } finally {
    await vad.close();
  }
};
