import { Tensor } from 'onnxruntime-node';
import { env } from '@huggingface/transformers';
import { z } from 'zod';
import { MODELS_DIR, readJsonFile } from '../llm/fixture-files';

export { MODELS_DIR, argmax, onnxFile, readJsonFile } from '../llm/fixture-files';

/** tests/fixtures/models: generated Marian fixtures (scripts/marian, `npm run fixtures:marian -- --committed`). */
export const MARIAN_RANDOM = 'marian-tiny-random';
export const MARIAN_ORACLE = 'marian-oracle';

/** transformers.js reads only the committed folders: no hub, no cache directory. */
export const useLocalFixtures = (): void => {
  env.allowRemoteModels = false;
  env.localModelPath = MODELS_DIR;
  env.useFSCache = false;
};

export const configSchema = z.object({
  d_model: z.number(),
  decoder_layers: z.number(),
  decoder_attention_heads: z.number(),
  vocab_size: z.number(),
  pad_token_id: z.number(),
  eos_token_id: z.number(),
  decoder_start_token_id: z.number(),
});
export type MarianConfig = z.infer<typeof configSchema>;
export const readConfig = (model: string): MarianConfig => readJsonFile(configSchema, model, 'config.json');

export const int64 = (rows: number[][]): Tensor =>
  new Tensor('int64', BigInt64Array.from(rows.flat().map(BigInt)), [rows.length, rows[0]?.length ?? 0]);

export const bool = (value: boolean): Tensor => new Tensor('bool', [value], [1]);

/** Empty past_key_values.{i}.{decoder,encoder}.{key,value}, as transformers.js feeds them on the first step. */
export const emptyPast = (config: MarianConfig, batch: number): Record<string, Tensor> => {
  const heads = config.decoder_attention_heads;
  const past: Record<string, Tensor> = {};
  for (let i = 0; i < config.decoder_layers; i++)
    for (const kind of ['decoder', 'encoder'])
      for (const kv of ['key', 'value'])
        past[`past_key_values.${i}.${kind}.${kv}`] = new Tensor('float32', new Float32Array(0), [
          batch,
          heads,
          0,
          config.d_model / heads,
        ]);
  return past;
};

const stepSchema = z.object({ argmax: z.number(), logsumexp: z.number(), probe_logits: z.array(z.number()) });
/** reference.json of the random fixture (scripts/marian/marian_torch_reference.py, plus tokenizer cases). */
export const referenceSchema = z.object({
  source_text: z.string(),
  source_ids: z.array(z.number()),
  encoder: z.object({ mean_abs: z.number(), probes: z.array(z.tuple([z.number(), z.number(), z.number()])) }),
  decoder: z.object({
    target_text: z.string(),
    tokens: z.array(z.number()),
    probe_ids: z.array(z.number()),
    steps: z.array(stepSchema),
  }),
  greedy: z.object({ max_new_tokens: z.number(), sequence: z.array(z.number()), min_margin: z.number() }),
  tokenization: z.array(z.object({ text: z.string(), ids: z.array(z.number()) })),
});
