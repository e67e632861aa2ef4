/**
 * The main-process side of translation: a Translator that sends a language's sentences to the
 * inference worker. A crash there fails this request with INFERENCE_WORKER_CRASHED, never the app.
 */
import type { WorkerHost } from '../inference/worker-host';
import type { Translator } from './translate-segments';
import type { MtPrecision } from './translator-engine';

export type WorkerTranslatorOptions = {
  /** The model folder, or how to get it when first needed (the model store checks it before handing it out). */
  modelDir: string | (() => Promise<string>);
  precision?: MtPrecision;
  threads?: number;
};

const isProgress = (value: unknown): value is { done: number; total: number } =>
  typeof value === 'object' && value !== null && typeof (value as { done?: unknown }).done === 'number';

export const createWorkerTranslator =
  (host: WorkerHost, options: WorkerTranslatorOptions): Translator =>
  async (sentences, sourceLanguage, call = {}) =>
    (
      await host.request<{ translations: string[] }>(
        'mt.translate',
        {
          modelDir: typeof options.modelDir === 'string' ? options.modelDir : await options.modelDir(),
          precision: options.precision ?? 'q8',
          threads: options.threads ?? 1,
          sentences,
          sourceLanguage,
        },
        {
          ...(call.signal ? { signal: call.signal } : {}),
          onProgress: (progress) => {
            if (isProgress(progress)) call.onSentence?.(progress.done);
          },
        },
      )
    ).translations;
