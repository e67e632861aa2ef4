/**
 * The speech engine's methods inside the inference worker. One Whisper model is loaded at a time
 * (keyed by folder, precision and threads); asking for another unloads the first. The host resolves
 * and hash-checks the model folder before it sends the path here.
 */
import { z } from 'zod';
import { createEngineSlot } from '../inference/engine-slot';
import { defineHandler, type HandlerModule } from '../inference/worker-registry';
import { loadWhisper } from './whisper-engine';

const loadParams = z.strictObject({
  modelDir: z.string().min(1).max(4096),
  precision: z.enum(['fp32', 'q8', 'int8', 'fp16', 'q4']).default('fp32'),
  threads: z.number().int().min(1).max(64).default(1),
});

const windowParams = loadParams.extend({
  pcm: z.instanceof(Float32Array),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[a-z]+)?$/i)
    .nullable()
    .default(null),
  translate: z.boolean().default(false),
  maxNewTokens: z.number().int().min(1).max(448).optional(),
});

const slot = createEngineSlot((params: z.infer<typeof loadParams>) => loadWhisper(params));
const engineFor = (params: z.infer<typeof loadParams>) => slot.get(params);

export const speechHandlers: HandlerModule = {
  name: 'speech',
  handlers: {
    'asr.load': defineHandler(loadParams, async (params) => {
      const engine = await engineFor(params);
      return { multilingual: engine.multilingual };
    }),
    'asr.detectLanguage': defineHandler(loadParams.extend({ pcm: z.instanceof(Float32Array) }), async (params) => {
      const engine = await engineFor(params);
      return engine.detectLanguage(params.pcm);
    }),
    'asr.transcribeWindow': defineHandler(windowParams, async (params, context) => {
      const engine = await engineFor(params);
      return engine.transcribeWindow(params.pcm, {
        language: params.language,
        translate: params.translate,
        signal: context.signal,
        ...(params.maxNewTokens === undefined ? {} : { maxNewTokens: params.maxNewTokens }),
      });
    }),
    'asr.stats': defineHandler(z.unknown(), () => ({
      // Peak resident memory of this worker process (the model lives here, not in the app).
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    })),
    'asr.unload': defineHandler(z.unknown(), async () => {
      return { unloaded: await slot.unload() };
    }),
  },
};
