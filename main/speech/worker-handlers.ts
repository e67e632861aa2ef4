/**
 * The speech engine's methods inside the inference worker. One Whisper model is loaded at a time
 * (keyed by folder, precision and threads); asking for another unloads the first. The host resolves
 * and hash-checks the model folder before it sends the path here.
 */
import { z } from 'zod';
import { defineHandler, type HandlerModule } from '../inference/worker-registry';
import { loadWhisper, type WhisperEngine } from './whisper-engine';

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

type Loaded = { key: string; engine: Promise<WhisperEngine> };
let loaded: Loaded | null = null;

const engineFor = async (params: z.infer<typeof loadParams>): Promise<WhisperEngine> => {
  const key = `${params.modelDir}\u0000${params.precision}\u0000${params.threads}`;
  if (loaded?.key !== key) {
    const previous = loaded;
    loaded = null;
    if (previous) await (await previous.engine.catch(() => null))?.dispose();
    const engine = loadWhisper(params);
    loaded = { key, engine };
    // A failed load is not cached: the next request tries again (e.g. after the model is re-imported).
    engine.catch(() => {
      if (loaded?.key === key) loaded = null;
    });
  }
  return loaded.engine;
};

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
      const previous = loaded;
      loaded = null;
      if (previous) await (await previous.engine.catch(() => null))?.dispose();
      return { unloaded: previous !== null };
    }),
  },
};
