/**
 * The main-process side of transcription: a WindowTranscriber that sends each window to the
 * inference worker process. A crash or out-of-memory there fails this request with
 * INFERENCE_WORKER_CRASHED; the app and the recording are untouched.
 */
import type { WorkerHost } from '../inference/worker-host';
import { SPEECH_SAMPLE_RATE, type WindowTranscriber } from './live-transcriber';
import { tokenBudget } from './token-budget';
import type { WhisperPrecision, WindowResult } from './whisper-engine';

export type WorkerTranscriberOptions = {
  modelDir: string;
  precision?: WhisperPrecision;
  threads?: number;
  /** Bound on generated tokens per second of window audio (benchmarks with random weights); default: Whisper's own limit. */
  tokensPerSecond?: number;
};

export const createWorkerTranscriber =
  (host: WorkerHost, options: WorkerTranscriberOptions): WindowTranscriber =>
  (request) =>
    host.request<WindowResult>(
      'asr.transcribeWindow',
      {
        modelDir: options.modelDir,
        precision: options.precision ?? 'fp32',
        threads: options.threads ?? 1,
        pcm: request.pcm,
        language: request.language,
        translate: request.translate,
        ...(options.tokensPerSecond === undefined
          ? {}
          : { maxNewTokens: tokenBudget(request.pcm.length, SPEECH_SAMPLE_RATE, options.tokensPerSecond) }),
      },
      request.signal ? { signal: request.signal } : {},
    );
