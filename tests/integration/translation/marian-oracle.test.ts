/**
 * The oracle fixture (tests/fixtures/models/marian-oracle): hand-set weights whose greedy translation is known,
 * so the whole transformers.js translation path -- MarianTokenizer, encoder, merged decoder (first step, then
 * the use_cache_branch=true path), greedy search with opus-mt's generation config, decoding with
 * skip_special_tokens -- is checked against exact text and token ids.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AutoTokenizer, MarianMTModel, type PreTrainedModel, type Tensor, pipeline } from '@huggingface/transformers';
import { z } from 'zod';
import { MARIAN_ORACLE, readConfig, readJsonFile, useLocalFixtures } from './fixture-files';

const generated = readJsonFile(
  z.object({
    oracle: z.object({
      source_text: z.string(),
      source_ids: z.array(z.number()),
      expected_tokens: z.array(z.number()),
      expected_text: z.string(),
      checked: z.object({ sources: z.array(z.string()) }),
    }),
  }),
  MARIAN_ORACLE,
  'generated.json',
);
const oracle = generated.oracle;
const config = readConfig(MARIAN_ORACLE);

/** The slice of onnxruntime's session transformers.js calls; wrapped to record what each decoder step feeds. */
type RunnableSession = { run: (feeds: Record<string, { data: unknown }>) => Promise<unknown> };

const recordCacheBranch = (model: PreTrainedModel): boolean[] => {
  const session = model.sessions['decoder_model_merged'] as RunnableSession;
  const run = session.run.bind(session);
  const seen: boolean[] = [];
  session.run = (feeds) => {
    const flag = feeds['use_cache_branch']?.data;
    seen.push(ArrayBuffer.isView(flag) && (flag as Uint8Array)[0] === 1);
    return run(feeds);
  };
  return seen;
};

describe('oracle Marian fixture through transformers.js', () => {
  beforeAll(() => {
    useLocalFixtures();
  });

  it('translates "hola mundo" to exactly "hello world" with pipeline("translation")', async () => {
    const translator = await pipeline('translation', MARIAN_ORACLE, { dtype: 'fp32' });
    expect(await translator(oracle.source_text)).toEqual([{ translation_text: oracle.expected_text }]);
    // Any source (the ones generate.py checked with PyTorch, the empty one included), batched with right
    // padding, gets the same answer.
    const batch = oracle.checked.sources;
    expect(batch).toContain('');
    expect(await translator(batch)).toEqual(batch.map(() => ({ translation_text: oracle.expected_text })));
    await translator.dispose();
  });

  it('generates the expected ids: <pad> start, ▁hello, ▁world, </s>, using the cache after the first step', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(MARIAN_ORACLE);
    const model = await MarianMTModel.from_pretrained(MARIAN_ORACLE, { dtype: 'fp32' });
    const steps = recordCacheBranch(model);
    const inputs = tokenizer(oracle.source_text);
    expect(Array.from(inputs.input_ids.data as BigInt64Array, Number)).toEqual(oracle.source_ids);
    const sequences = (await model.generate({ ...inputs, max_new_tokens: 16 })) as Tensor;
    const tokens = Array.from(sequences.data as BigInt64Array, Number);
    expect(tokens).toEqual(oracle.expected_tokens);
    expect(tokens[0]).toBe(config.decoder_start_token_id);
    expect(tokens.at(-1)).toBe(config.eos_token_id);
    expect(steps).toEqual([false, true, true]);
    expect(tokenizer.decode(tokens, { skip_special_tokens: true })).toBe(oracle.expected_text);
    await model.dispose();
  });
});
