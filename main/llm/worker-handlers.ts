/**
 * The LLM's methods inside the inference worker: one model loaded at a time (keyed by folder,
 * precision and threads), generated text streamed to the host as progress events, cancellable.
 */
import { z } from 'zod';
import { createEngineSlot } from '../inference/engine-slot';
import { defineHandler, type HandlerModule } from '../inference/worker-registry';
import { LLM_PRECISIONS, loadLlm } from './llm-engine';

const loadParams = z.strictObject({
  modelDir: z.string().min(1).max(4096),
  precision: z.enum(LLM_PRECISIONS).default('q4'),
  threads: z.number().int().min(1).max(64).default(1),
});

const messages = z
  .array(z.strictObject({ role: z.enum(['system', 'user', 'assistant']), content: z.string().max(200_000) }))
  .min(1)
  .max(64);

const countParams = loadParams.extend({ messages });

const generateParams = loadParams.extend({
  messages,
  maxNewTokens: z.number().int().min(1).max(4096),
  maxPromptTokens: z.number().int().min(1).max(131_072).optional(),
  prefixMessages: z.number().int().min(1).max(63).optional(),
});

const slot = createEngineSlot((params: z.infer<typeof loadParams>) => loadLlm(params));
const engineFor = (params: z.infer<typeof loadParams>) => slot.get(params);

export const llmHandlers: HandlerModule = {
  name: 'llm',
  handlers: {
    'llm.load': defineHandler(loadParams, async (params) => {
      await engineFor(params);
      return { loaded: true };
    }),
    'llm.countTokens': defineHandler(countParams, async (params) => ({
      tokens: await (await engineFor(params)).countTokens(params.messages),
    })),
    'llm.generate': defineHandler(generateParams, async (params, context) => {
      const engine = await engineFor(params);
      return engine.generate(params.messages, {
        maxNewTokens: params.maxNewTokens,
        ...(params.maxPromptTokens === undefined ? {} : { maxPromptTokens: params.maxPromptTokens }),
        ...(params.prefixMessages === undefined ? {} : { prefixMessages: params.prefixMessages }),
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
      return { unloaded: await slot.unload() };
    }),
  },
};
