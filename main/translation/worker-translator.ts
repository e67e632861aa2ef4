/**
 * The main-process side of translation: a Translator that sends a language's sentences to the
 * inference worker. A crash there fails this request with INFERENCE_WORKER_CRASHED, never the app.
 */
import type { WorkerHost } from '../inference/worker-host';
import type { Translator } from './translate-segments';
import type { MtPrecision } from './translator-engine';

export type WorkerTranslatorOptions = {
  modelDir: string;
  precision?: MtPrecision;
  threads?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
};

const isProgress = (value: unknown): value is { done: number; total: number } =>
  typeof value === 'object' && value !== null && typeof (value as { done?: unknown }).done === 'number';

export const createWorkerTranslator =
  (host: WorkerHost, options: WorkerTranslatorOptions): Translator =>
  async (sentences, sourceLanguage) =>
    (
      await host.request<{ translations: string[] }>(
        'mt.translate',
        {
          modelDir: options.modelDir,
          precision: options.precision ?? 'q8',
          threads: options.threads ?? 1,
          sentences,
          sourceLanguage,
        },
        {
          ...(options.signal ? { signal: options.signal } : {}),
          onProgress: (progress) => {
            if (isProgress(progress)) options.onProgress?.(progress.done, progress.total);
          },
        },
      )
    ).translations;
