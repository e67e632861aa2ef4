/**
 * The LLM's methods inside the inference worker: one model loaded at a time (keyed by folder,
 * precision and threads), generated text streamed to the host as progress events, cancellable.
 */
import { z } from 'zod';
import { defineHandler, type HandlerModule } from '../inference/worker-registry';
import { loadLlm, type LlmEngine } from './llm-engine';

const loadParams = z.strictObject({
  modelDir: z.string().min(1).max(4096),
  precision: z.enum(['fp32', 'fp16', 'q8', 'int8', 'q4', 'q4f16']).default('q4'),
  threads: z.number().int().min(1).max(64).default(1),
});

const generateParams = loadParams.extend({
  messages: z
    .array(z.strictObject({ role: z.enum(['system', 'user', 'assistant']), content: z.string().max(200_000) }))
    .min(1)
    .max(64),
  maxNewTokens: z.number().int().min(1).max(4096),
  maxPromptTokens: z.number().int().min(1).max(131_072).optional(),
});

let loaded: { key: string; engine: Promise<LlmEngine> } | null = null;

const engineFor = async (params: z.infer<typeof loadParams>): Promise<LlmEngine> => {
  const key = `${params.modelDir}\u0000${params.precision}\u0000${params.threads}`;
  if (loaded?.key !== key) {
    const previous = loaded;
    loaded = null;
    if (previous) await (await previous.engine.catch(() => null))?.dispose();
    const engine = loadLlm(params);
    loaded = { key, engine };
    engine.catch(() => {
      if (loaded?.key === key) loaded = null;
    });
  }
  return loaded.engine;
};

export const llmHandlers: HandlerModule = {
  name: 'llm',
  handlers: {
    'llm.load': defineHandler(loadParams, async (params) => {
      await engineFor(params);
      return { loaded: true };
    }),
    'llm.generate': defineHandler(generateParams, async (params, context) => {
      const engine = await engineFor(params);
      return engine.generate(params.messages, {
        maxNewTokens: params.maxNewTokens,
        ...(params.maxPromptTokens === undefined ? {} : { maxPromptTokens: params.maxPromptTokens }),
        signal: context.signal,
        onText: (text) => {
          context.progress({ text });
        },
      });
    }),
    'llm.stats': defineHandler(z.unknown(), () => ({
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    })),
    'llm.unload': defineHandler(z.unknown(), async () => {
      const previous = loaded;
      loaded = null;
      if (previous) await (await previous.engine.catch(() => null))?.dispose();
      return { unloaded: previous !== null };
    }),
  },
};
