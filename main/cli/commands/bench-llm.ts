import path from 'node:path';
import type { GenerateResult, LlmPrecision } from '../../llm/llm-engine';
import { createWorkerHost } from '../../inference/worker-host';
import { UsageError, type CliContext } from '../context';
import { cliWorkerEntry } from '../worker-entry';

const PRECISIONS: readonly LlmPrecision[] = ['fp32', 'fp16', 'q8', 'int8', 'q4', 'q4f16'];

/** About 12 tokens of a clinical visit, repeated to the prompt length asked for. */
const FILLER = 'The patient reports a dry cough for two weeks without fever or chest pain. ';

/**
 * `bench llm --model DIR [--prompt-words N] [--new-tokens N]`: one greedy generation in the inference
 * worker after loading (excluded): prompt size, time to first token, generation speed, worker peak RSS.
 */
export const benchLlm = async (
  ctx: CliContext,
  args: {
    model: string | undefined;
    precision: string | undefined;
    threads: string | undefined;
    promptWords: number;
    newTokens: number;
    /** A Whisper folder loaded (int8) and run on 30 s of silence-free noise first, as in the app's one worker. */
    withAsr?: string | undefined;
  },
): Promise<void> => {
  if (!args.model) throw new UsageError('--model DIR is required.');
  const precision = (args.precision ?? 'q4') as LlmPrecision;
  if (!PRECISIONS.includes(precision)) throw new UsageError(`--precision must be one of ${PRECISIONS.join(', ')}.`);
  const threads = Number(args.threads ?? '2');
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UsageError('--threads must be 1..64.');
  const modelDir = path.resolve(args.model);
  const words = FILLER.trim().split(/\s+/).length;
  const content = FILLER.repeat(Math.max(1, Math.ceil(args.promptWords / words)));
  const host = createWorkerHost({ entry: cliWorkerEntry(ctx) });
  try {
    if (args.withAsr) {
      const asr = { modelDir: path.resolve(args.withAsr), precision: 'int8', threads };
      await host.request('asr.load', asr);
      // A full 30-s window so the encoder's activations count toward the peak, as during a visit.
      const pcm = new Float32Array(30 * 16_000).map((_, i) => 0.1 * Math.sin(i / 7));
      await host.request('asr.transcribeWindow', { ...asr, pcm, maxNewTokens: 8 });
    }
    await host.request('llm.load', { modelDir, precision, threads });
    const result = await host.request<GenerateResult>('llm.generate', {
      modelDir,
      precision,
      threads,
      messages: [
        { role: 'system', content: 'You are a clinical scribe. Write the history of present illness.' },
        { role: 'user', content },
      ],
      maxNewTokens: args.newTokens,
    });
    const { peakRssMb } = await host.request<{ peakRssMb: number }>('llm.stats');
    const generationMs = Math.max(1, result.totalMs - result.ttftMs);
    const value = {
      promptTokens: result.promptTokens,
      newTokens: result.newTokens,
      ttftMs: Math.round(result.ttftMs),
      tokensPerSecond: Number((Math.max(0, result.newTokens - 1) / (generationMs / 1000)).toFixed(1)),
      promptTokensPerSecond: Number((result.promptTokens / (result.ttftMs / 1000)).toFixed(1)),
      peakRssMb,
      precision,
      threads,
      withAsr: args.withAsr !== undefined,
    };
    ctx.out.result(
      value,
      () =>
        `${value.tokensPerSecond} tokens/s, first token after ${value.ttftMs} ms (${value.promptTokens}-token prompt); peak RSS ${value.peakRssMb} MB`,
    );
  } finally {
    await host.shutdown();
  }
};
