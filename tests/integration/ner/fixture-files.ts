import { Tensor, env } from '@huggingface/transformers';
import { z } from 'zod';
import { MODELS_DIR } from '../llm/fixture-files';

export { MODELS_DIR, argmax, readJsonFile } from '../llm/fixture-files';

/** tests/fixtures/models: generated BERT token classifiers (scripts/tokcls, `npm run fixtures:tokcls -- --committed`). */
export const TOKCLS_RANDOM = 'tokcls-tiny-random';
export const TOKCLS_ORACLE = 'tokcls-oracle';

/** transformers.js reads only the committed folders: no hub, no cache directory. */
export const useLocalFixtures = (): void => {
  env.allowRemoteModels = false;
  env.localModelPath = MODELS_DIR;
  env.useFSCache = false;
};

export const int64 = (rows: number[][]): Tensor =>
  new Tensor('int64', BigInt64Array.from(rows.flat().map(BigInt)), [rows.length, rows[0]?.length ?? 0]);

export const configSchema = z.object({
  model_type: z.literal('bert'),
  num_labels: z.number(),
  id2label: z.record(z.string(), z.string()),
  label2id: z.record(z.string(), z.number()),
  max_position_embeddings: z.number(),
  vocab_size: z.number(),
});

const matrix = z.array(z.array(z.number()));
/** reference.json of the random fixture (scripts/tokcls/tokcls_torch_reference.py, plus tokenizer cases). */
export const referenceSchema = z.object({
  labels: z.array(z.string()),
  batch: z.object({ input_ids: matrix, attention_mask: matrix, token_type_ids: matrix }),
  min_margin: z.number(),
  inputs: z.array(
    z.object({
      text: z.string(),
      text_pair: z.string().nullable(),
      tokens: z.array(z.string()),
      input_ids: z.array(z.number()),
      token_type_ids: z.array(z.number()),
      labels: z.array(z.string()),
      logits: matrix,
    }),
  ),
  tokenization: z.array(z.object({ text: z.string(), tokens: z.array(z.string()), ids: z.array(z.number()) })),
});

const spanSchema = z.object({ label: z.string(), start: z.number(), end: z.number(), text: z.string() });
/** generated.json of the oracle fixture. */
export const oracleManifestSchema = z.object({
  labels: z.array(z.string()),
  oracle: z.object({
    rules: z.array(z.object({ token: z.string(), label: z.string() })),
    source_text: z.string(),
    source_tokens: z.array(z.string()),
    source_labels: z.array(z.string()),
    expected_spans: z.array(spanSchema),
  }),
});
