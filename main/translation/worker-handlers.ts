/**
 * The translator's methods inside the inference worker: one translation model loaded at a time,
 * sentences translated in order with a progress event per sentence, cancellable between sentences.
 */
import { z } from 'zod';
import { createEngineSlot } from '../inference/engine-slot';
import { defineHandler, type HandlerModule } from '../inference/worker-registry';
import { loadTranslator, MT_PRECISIONS } from './translator-engine';

const loadParams = z.strictObject({
  modelDir: z.string().min(1).max(4096),
  precision: z.enum(MT_PRECISIONS).default('q8'),
  threads: z.number().int().min(1).max(64).default(1),
});

const translateParams = loadParams.extend({
  sentences: z.array(z.string().max(20_000)).max(20_000),
  sourceLanguage: z.string().regex(/^[a-z]{2,3}$/),
});

const slot = createEngineSlot((params: z.infer<typeof loadParams>) => loadTranslator(params));

export const translationHandlers: HandlerModule = {
  name: 'translation',
  handlers: {
    'mt.load': defineHandler(loadParams, async (params) => {
      await slot.get(params);
      return { loaded: true };
    }),
    'mt.translate': defineHandler(translateParams, async (params, context) => {
      const engine = await slot.get(params);
      const translations = await engine.translate(params.sentences, {
        sourceLanguage: params.sourceLanguage,
        signal: context.signal,
        onSentence: (done) => {
          context.progress({ done, total: params.sentences.length });
        },
      });
      return { translations };
    }),
    'mt.unload': defineHandler(z.unknown(), async () => ({ unloaded: await slot.unload() })),
  },
};
