/**
 * What note generation needs from a language model, whether it runs in this process (CLI, tests) or
 * in the inference worker (the app): one chat generation with budgets, streaming and cancellation.
 */
import type { WorkerHost } from '../inference/worker-host';
import type { ChatMessage, GenerateOptions, GenerateResult, LlmPrecision } from './llm-engine';

export type LlmClient = {
  countTokens(messages: readonly ChatMessage[]): Promise<number>;
  generate(messages: readonly ChatMessage[], options: GenerateOptions): Promise<GenerateResult>;
};

export type WorkerLlmOptions = { modelDir: string; precision?: LlmPrecision; threads?: number };

const isTextProgress = (value: unknown): value is { text: string } =>
  typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string';

/** The LLM in the inference worker process: a crash there fails the call, never the caller. */
export const workerLlmClient = (host: WorkerHost, options: WorkerLlmOptions): LlmClient => ({
  countTokens: async (messages) =>
    (
      await host.request<{ tokens: number }>('llm.countTokens', {
        modelDir: options.modelDir,
        precision: options.precision ?? 'q4',
        threads: options.threads ?? 2,
        messages,
      })
    ).tokens,
  generate: (messages, generate) =>
    host.request<GenerateResult>(
      'llm.generate',
      {
        modelDir: options.modelDir,
        precision: options.precision ?? 'q4',
        threads: options.threads ?? 2,
        messages,
        maxNewTokens: generate.maxNewTokens,
        ...(generate.maxPromptTokens === undefined ? {} : { maxPromptTokens: generate.maxPromptTokens }),
        ...(generate.prefixMessages === undefined ? {} : { prefixMessages: generate.prefixMessages }),
      },
      {
        ...(generate.signal ? { signal: generate.signal } : {}),
        onProgress: (progress) => {
          if (isTextProgress(progress)) generate.onText?.(progress.text);
        },
      },
    ),
});
