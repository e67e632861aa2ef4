/**
 * The generated Marian fixture (tests/fixtures/models/marian-tiny-random) through transformers.js, offline:
 * MarianTokenizer reproduces the generator's independent Unigram encoder (words, character fallback, <unk>,
 * normalization), MarianMTModel's forward pass reproduces the float64 PyTorch reference logits, and greedy
 * generate() (first step without, later steps with the merged decoder's cache) reproduces the reference's
 * greedy sequence.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AutoModelForSeq2SeqLM,
  AutoTokenizer,
  MarianMTModel,
  MarianTokenizer,
  Tensor,
} from '@huggingface/transformers';
import { MARIAN_RANDOM, argmax, readConfig, readJsonFile, referenceSchema, useLocalFixtures } from './fixture-files';

const reference = readJsonFile(referenceSchema, MARIAN_RANDOM, 'reference.json');
const config = readConfig(MARIAN_RANDOM);
const vocab = config.vocab_size;

const ids = (tokens: number[]): Tensor =>
  new Tensor('int64', BigInt64Array.from(tokens.map(BigInt)), [1, tokens.length]);

describe('generated Marian fixture through transformers.js', () => {
  beforeAll(() => {
    useLocalFixtures();
  });

  it('loads MarianTokenizer and encodes like the generator (words, characters, <unk>, NFKC)', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(MARIAN_RANDOM);
    expect(tokenizer).toBeInstanceOf(MarianTokenizer);
    expect([tokenizer.eos_token_id, tokenizer.unk_token_id, tokenizer.pad_token_id]).toEqual([
      config.eos_token_id,
      1,
      config.pad_token_id,
    ]);
    expect(tokenizer.encode(reference.source_text)).toEqual(reference.source_ids);
    for (const { text, ids: expected } of reference.tokenization) expect(tokenizer.encode(text)).toEqual(expected);
    expect(tokenizer.decode(reference.source_ids, { skip_special_tokens: true })).toBe(reference.source_text);
  });

  it('reproduces the PyTorch reference logits with MarianMTModel (no cache)', async () => {
    const model = await AutoModelForSeq2SeqLM.from_pretrained(MARIAN_RANDOM, { dtype: 'fp32' });
    expect(model).toBeInstanceOf(MarianMTModel);
    const tokens = reference.decoder.tokens;
    const { logits } = (await model({
      input_ids: ids(reference.source_ids),
      attention_mask: ids(reference.source_ids.map(() => 1)),
      decoder_input_ids: ids(tokens),
    })) as { logits: Tensor };
    expect(logits.dims).toEqual([1, tokens.length, vocab]);
    const data = logits.data as Float32Array;
    reference.decoder.steps.forEach((expected, step) => {
      const values = data.subarray(step * vocab, (step + 1) * vocab);
      expect(argmax(values)).toBe(expected.argmax);
      const max = Math.max(...values);
      expect(max + Math.log(values.reduce((sum, v) => sum + Math.exp(v - max), 0))).toBeCloseTo(expected.logsumexp, 4);
      reference.decoder.probe_ids.forEach((id, k) => {
        expect(Math.abs((values[id] ?? Number.NaN) - (expected.probe_logits[k] ?? Number.NaN))).toBeLessThan(1e-4);
      });
    });
    await model.dispose();
  });

  it('generates the reference greedy sequence through the cache', async () => {
    expect(reference.greedy.min_margin).toBeGreaterThan(1e-3); // far above float32 noise: the argmaxes are stable
    const tokenizer = await AutoTokenizer.from_pretrained(MARIAN_RANDOM);
    const model = await MarianMTModel.from_pretrained(MARIAN_RANDOM, { dtype: 'fp32' });
    const inputs = tokenizer(reference.source_text);
    const sequences = (await model.generate({
      ...inputs,
      max_new_tokens: reference.greedy.max_new_tokens,
    })) as Tensor;
    expect(Array.from(sequences.data as BigInt64Array, Number)).toEqual(reference.greedy.sequence);
    await model.dispose();
  });
});
