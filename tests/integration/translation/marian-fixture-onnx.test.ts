/**
 * The generated Marian fixture (tests/fixtures/models/marian-tiny-random) on onnxruntime-node: the graphs
 * expose the names and dims transformers.js feeds to MarianMTModel, reproduce an independent float64 PyTorch
 * forward pass (reference.json) without a cache and token by token through the merged decoder's cache, and
 * right padding in a batch (attention_mask / encoder_attention_mask) changes nothing for the shorter source.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InferenceSession, type Tensor } from 'onnxruntime-node';
import {
  MARIAN_RANDOM,
  argmax,
  bool,
  emptyPast,
  int64,
  onnxFile,
  readConfig,
  readJsonFile,
  referenceSchema,
} from './fixture-files';

const reference = readJsonFile(referenceSchema, MARIAN_RANDOM, 'reference.json');
const config = readConfig(MARIAN_RANDOM);
const heads = config.decoder_attention_heads;
const headDim = config.d_model / heads;
const vocab = config.vocab_size;
const source = reference.source_ids;

const floats = (tensor: Tensor | undefined): Float32Array => {
  if (tensor?.data instanceof Float32Array) return tensor.data;
  throw new Error('expected a float32 tensor');
};

const row = (logits: Tensor | undefined, batch: number, position: number): Float32Array => {
  const steps = logits?.dims[1] ?? 0;
  const start = (batch * steps + position) * vocab;
  return floats(logits).subarray(start, start + vocab);
};

const expectMatchesReference = (values: Float32Array, step: number): void => {
  const expected = reference.decoder.steps[step];
  if (expected === undefined) throw new Error(`no reference for step ${String(step)}`);
  expect(argmax(values)).toBe(expected.argmax);
  const max = Math.max(...values);
  const logsumexp = max + Math.log(values.reduce((sum, v) => sum + Math.exp(v - max), 0));
  expect(Math.abs(logsumexp - expected.logsumexp)).toBeLessThan(1e-4);
  reference.decoder.probe_ids.forEach((id, k) => {
    expect(Math.abs((values[id] ?? Number.NaN) - (expected.probe_logits[k] ?? Number.NaN))).toBeLessThan(1e-4);
  });
};

describe('generated Marian fixture on onnxruntime-node', () => {
  let encoder: InferenceSession;
  let decoder: InferenceSession;
  let hidden: Tensor;

  beforeAll(async () => {
    encoder = await InferenceSession.create(onnxFile(MARIAN_RANDOM, 'encoder_model'), { intraOpNumThreads: 1 });
    decoder = await InferenceSession.create(onnxFile(MARIAN_RANDOM, 'decoder_model_merged'), {
      intraOpNumThreads: 1,
    });
    const out = await encoder.run({ input_ids: int64([source]), attention_mask: int64([source.map(() => 1)]) });
    const lastHidden = out['last_hidden_state'];
    if (lastHidden === undefined) throw new Error('encoder has no last_hidden_state output');
    hidden = lastHidden;
  });
  afterAll(async () => {
    await encoder.release();
    await decoder.release();
  });

  it('declares the inputs and outputs transformers.js feeds and reads', () => {
    expect(encoder.inputNames).toEqual(['input_ids', 'attention_mask']);
    expect(encoder.outputNames).toEqual(['last_hidden_state']);
    const layerNames = (prefix: string): string[] =>
      Array.from({ length: config.decoder_layers }, (_, i) =>
        ['decoder.key', 'decoder.value', 'encoder.key', 'encoder.value'].map((s) => `${prefix}.${i}.${s}`),
      ).flat();
    expect(decoder.inputNames).toEqual([
      'encoder_attention_mask',
      'input_ids',
      'encoder_hidden_states',
      ...layerNames('past_key_values'),
      'use_cache_branch',
    ]);
    expect(decoder.outputNames).toEqual(['logits', ...layerNames('present')]);
    for (const meta of decoder.inputMetadata) {
      if (!meta.name.startsWith('past_key_values.')) continue;
      expect(meta.isTensor && meta.shape).toEqual(['batch_size', heads, expect.any(String), headDim]);
    }
  });

  it('reproduces the PyTorch reference encoder', () => {
    expect(hidden.dims).toEqual([1, source.length, config.d_model]);
    const data = floats(hidden);
    for (const [position, channel, value] of reference.encoder.probes)
      expect(Math.abs((data[position * config.d_model + channel] ?? Number.NaN) - value)).toBeLessThan(1e-4);
    expect(data.reduce((sum, v) => sum + Math.abs(v), 0) / data.length).toBeCloseTo(reference.encoder.mean_abs, 5);
  });

  it('reproduces the PyTorch reference logits at every position without a cache', async () => {
    const tokens = reference.decoder.tokens;
    const out = await decoder.run({
      encoder_attention_mask: int64([source.map(() => 1)]),
      input_ids: int64([tokens]),
      encoder_hidden_states: hidden,
      use_cache_branch: bool(false),
      ...emptyPast(config, 1),
    });
    expect(out['logits']?.dims).toEqual([1, tokens.length, vocab]);
    tokens.forEach((_, step) => {
      expectMatchesReference(row(out['logits'], 0, step), step);
    });
  });

  it('computes cross-attention K/V once, then extends only the self-attention cache', async () => {
    const tokens = reference.decoder.tokens;
    const mask = int64([source.map(() => 1)]);
    const first = await decoder.run({
      encoder_attention_mask: mask,
      input_ids: int64([tokens.slice(0, 2)]),
      encoder_hidden_states: hidden,
      use_cache_branch: bool(false),
      ...emptyPast(config, 1),
    });
    expectMatchesReference(row(first['logits'], 0, 1), 1);
    expect(first['present.0.encoder.key']?.dims).toEqual([1, heads, source.length, headDim]);
    const past: Record<string, Tensor> = {};
    for (const [name, value] of Object.entries(first))
      if (name.startsWith('present.')) past[name.replace('present.', 'past_key_values.')] = value;
    for (let step = 2; step < tokens.length; step++) {
      const out = await decoder.run({
        encoder_attention_mask: mask,
        input_ids: int64([[tokens[step] ?? 0]]),
        encoder_hidden_states: hidden,
        use_cache_branch: bool(true),
        ...past,
      });
      expectMatchesReference(row(out['logits'], 0, 0), step);
      expect(out['present.1.decoder.value']?.dims).toEqual([1, heads, step + 1, headDim]);
      // The encoder cache is not copied out again: cached steps return it empty and the caller keeps its own.
      expect(out['present.1.encoder.key']?.dims).toEqual([1, heads, 0, headDim]);
      for (const [name, value] of Object.entries(out))
        if (name.includes('.decoder.')) past[name.replace('present.', 'past_key_values.')] = value;
    }
  });

  it('ignores right padding of a shorter source in a batch (attention_mask, encoder_attention_mask)', async () => {
    const short = source.slice(0, 5);
    const padding = source.length - short.length;
    const mask = int64([source.map(() => 1), [...short.map(() => 1), ...Array<number>(padding).fill(0)]]);
    const batch = await encoder.run({
      input_ids: int64([source, [...short, ...Array<number>(padding).fill(config.pad_token_id)]]),
      attention_mask: mask,
    });
    const alone = await encoder.run({ input_ids: int64([short]), attention_mask: int64([short.map(() => 1)]) });
    const d = config.d_model;
    const batched = floats(batch['last_hidden_state']);
    const single = floats(alone['last_hidden_state']);
    floats(hidden).forEach((v, k) => {
      expect(Math.abs((batched[k] ?? Number.NaN) - v)).toBeLessThan(1e-5);
    });
    single.forEach((v, k) => {
      expect(Math.abs((batched[source.length * d + k] ?? Number.NaN) - v)).toBeLessThan(1e-5);
    });

    const tokens = reference.decoder.tokens.slice(0, 4);
    const fromBatch = await decoder.run({
      encoder_attention_mask: mask,
      input_ids: int64([tokens, tokens]),
      encoder_hidden_states: batch['last_hidden_state'] ?? hidden,
      use_cache_branch: bool(false),
      ...emptyPast(config, 2),
    });
    const fromSingle = await decoder.run({
      encoder_attention_mask: int64([short.map(() => 1)]),
      input_ids: int64([tokens]),
      encoder_hidden_states: alone['last_hidden_state'] ?? hidden,
      use_cache_branch: bool(false),
      ...emptyPast(config, 1),
    });
    tokens.forEach((_, step) => {
      expectMatchesReference(row(fromBatch['logits'], 0, step), step);
      const padded = row(fromBatch['logits'], 1, step);
      row(fromSingle['logits'], 0, step).forEach((v, k) => {
        expect(Math.abs((padded[k] ?? Number.NaN) - v)).toBeLessThan(1e-4);
      });
    });
  });
});
