/**
 * The generated Whisper fixture (tests/fixtures/models/whisper-tiny-random) against the real runtimes:
 * onnxruntime-node reproduces an independent PyTorch forward pass (reference.json), the merged decoder's
 * cached steps equal a full recompute, the graphs expose the names/dims transformers.js relies on, and
 * the transformers.js ASR pipeline transcribes real audio with it.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { env, pipeline } from '@huggingface/transformers';
import { z } from 'zod';
import { HAS_JFK, JFK_WAV, MODELS_DIR, RANDOM_MODEL, readJsonFile, readWav16kMono } from './fixture-files';

const referenceSchema = z.object({
  encoder: z.object({
    mean: z.number(),
    mean_abs: z.number(),
    probes: z.array(z.tuple([z.number(), z.number(), z.number()])),
  }),
  decoder: z.object({
    tokens: z.array(z.number()),
    probe_ids: z.array(z.number()),
    steps: z.array(z.object({ argmax: z.number(), logsumexp: z.number(), probe_logits: z.array(z.number()) })),
  }),
});
const configSchema = z.object({
  d_model: z.number(),
  decoder_layers: z.number(),
  decoder_attention_heads: z.number(),
  vocab_size: z.number(),
});

const reference = readJsonFile(referenceSchema, RANDOM_MODEL, 'reference.json');
const config = readJsonFile(configSchema, RANDOM_MODEL, 'config.json');
const heads = config.decoder_attention_heads;
const headDim = config.d_model / heads;
const onnxFile = (name: string): string => path.join(MODELS_DIR, RANDOM_MODEL, 'onnx', `${name}.onnx`);

/** The probe input reference.json was computed on (see scripts/whisper/torch_reference.py). */
const probeFeatures = (): Tensor => {
  const data = new Float32Array(80 * 3000);
  for (let m = 0; m < 80; m++)
    for (let t = 0; t < 3000; t++) data[m * 3000 + t] = 0.8 * Math.sin(0.37 * m + 0.011 * t) * Math.cos(0.0007 * m * t);
  return new Tensor('float32', data, [1, 80, 3000]);
};

const ids = (tokens: number[]): Tensor =>
  new Tensor('int64', BigInt64Array.from(tokens.map(BigInt)), [1, tokens.length]);
const flag = (value: boolean): Tensor => new Tensor('bool', [value], [1]);

const emptyPast = (): Record<string, Tensor> => {
  const past: Record<string, Tensor> = {};
  for (let i = 0; i < config.decoder_layers; i++)
    for (const kind of ['decoder', 'encoder'])
      for (const kv of ['key', 'value'])
        past[`past_key_values.${i}.${kind}.${kv}`] = new Tensor('float32', new Float32Array(0), [1, heads, 0, headDim]);
  return past;
};

const logitsRow = (logits: Tensor | undefined, position: number): Float32Array => {
  if (logits?.data instanceof Float32Array)
    return logits.data.subarray(position * config.vocab_size, (position + 1) * config.vocab_size);
  throw new Error('no float logits');
};

const expectMatchesReference = (row: Float32Array, step: number): void => {
  const expected = reference.decoder.steps[step];
  if (expected === undefined) throw new Error(`no reference for step ${step}`);
  const argmax = row.reduce((best, value, index) => (value > (row[best] ?? -Infinity) ? index : best), 0);
  expect(argmax).toBe(expected.argmax);
  const logsumexp = Math.log(row.reduce((sum, value) => sum + Math.exp(value), 0));
  expect(logsumexp).toBeCloseTo(expected.logsumexp, 4);
  reference.decoder.probe_ids.forEach((id, k) => {
    expect(Math.abs((row[id] ?? Number.NaN) - (expected.probe_logits[k] ?? Number.NaN))).toBeLessThan(1e-4);
  });
};

describe('generated Whisper fixture on onnxruntime-node', () => {
  let encoder: InferenceSession;
  let decoder: InferenceSession;
  let hidden: Tensor;

  beforeAll(async () => {
    encoder = await InferenceSession.create(onnxFile('encoder_model'), { intraOpNumThreads: 1 });
    decoder = await InferenceSession.create(onnxFile('decoder_model_merged'), { intraOpNumThreads: 1 });
    const out = await encoder.run({ input_features: probeFeatures() });
    const lastHidden = out['last_hidden_state'];
    if (lastHidden === undefined) throw new Error('encoder has no last_hidden_state output');
    hidden = lastHidden;
  });

  it('declares the input and output names transformers.js feeds and reads', () => {
    expect(encoder.inputNames).toEqual(['input_features']);
    expect(encoder.outputNames).toEqual(['last_hidden_state']);
    const layerNames = (prefix: string): string[] =>
      Array.from({ length: config.decoder_layers }, (_, i) =>
        ['decoder.key', 'decoder.value', 'encoder.key', 'encoder.value'].map((s) => `${prefix}.${i}.${s}`),
      ).flat();
    expect([...decoder.inputNames].sort()).toEqual(
      ['input_ids', 'encoder_hidden_states', 'use_cache_branch', ...layerNames('past_key_values')].sort(),
    );
    expect([...decoder.outputNames].sort()).toEqual(['logits', ...layerNames('present')].sort());
  });

  it('gives past inputs symbolic batch and length dims so empty caches can be created', () => {
    for (const meta of decoder.inputMetadata) {
      if (!meta.name.startsWith('past_key_values.')) continue;
      expect(meta.isTensor && meta.shape).toEqual(['batch_size', heads, expect.any(String), headDim]);
    }
  });

  it('reproduces the PyTorch reference encoder', () => {
    expect(hidden.dims).toEqual([1, 1500, config.d_model]);
    const data = hidden.data as Float32Array;
    for (const [position, channel, value] of reference.encoder.probes)
      expect(
        Math.abs((data[position * config.d_model + Math.min(channel, config.d_model - 1)] ?? Number.NaN) - value),
      ).toBeLessThan(1e-4);
    expect(data.reduce((sum, v) => sum + Math.abs(v), 0) / data.length).toBeCloseTo(reference.encoder.mean_abs, 5);
  });

  it('reproduces the PyTorch reference logits without a cache', async () => {
    const out = await decoder.run({
      input_ids: ids(reference.decoder.tokens),
      encoder_hidden_states: hidden,
      use_cache_branch: flag(false),
      ...emptyPast(),
    });
    reference.decoder.tokens.forEach((_, step) => {
      expectMatchesReference(logitsRow(out['logits'], step), step);
    });
  });

  it('computes cross-attention K/V once, then extends only the self-attention cache', async () => {
    const tokens = reference.decoder.tokens;
    const first = await decoder.run({
      input_ids: ids(tokens.slice(0, 3)),
      encoder_hidden_states: hidden,
      use_cache_branch: flag(false),
      ...emptyPast(),
    });
    expectMatchesReference(logitsRow(first['logits'], 2), 2);
    expect(first['present.0.encoder.key']?.dims).toEqual([1, heads, 1500, headDim]);
    const past: Record<string, Tensor> = {};
    for (const [name, value] of Object.entries(first))
      if (name.startsWith('present.')) past[name.replace('present.', 'past_key_values.')] = value;
    for (let step = 3; step < tokens.length; step++) {
      const out = await decoder.run({
        input_ids: ids([tokens[step] ?? 0]),
        encoder_hidden_states: hidden,
        use_cache_branch: flag(true),
        ...past,
      });
      expectMatchesReference(logitsRow(out['logits'], 0), step);
      expect(out['present.0.decoder.key']?.dims).toEqual([1, heads, step + 1, headDim]);
      // The encoder cache is not copied out again: cached steps return it empty and the caller keeps its own.
      expect(out['present.0.encoder.key']?.dims).toEqual([1, heads, 0, headDim]);
      for (const [name, value] of Object.entries(out))
        if (name.includes('.decoder.')) past[name.replace('present.', 'past_key_values.')] = value;
    }
  });
});

describe.skipIf(!HAS_JFK)('generated Whisper fixture in the transformers.js ASR pipeline', () => {
  beforeAll(() => {
    env.allowRemoteModels = false;
    env.localModelPath = MODELS_DIR;
  });

  it('transcribes and translates jfk.wav with a bounded number of tokens (noise words)', async () => {
    const asr = await pipeline('automatic-speech-recognition', RANDOM_MODEL, { dtype: 'fp32' });
    const audio = readWav16kMono(JFK_WAV);
    const transcribed = await asr(audio, { max_new_tokens: 8, language: 'en', task: 'transcribe' });
    const translated = await asr(audio, { max_new_tokens: 8, language: 'de', task: 'translate' });
    for (const result of [transcribed, translated]) {
      expect(Array.isArray(result)).toBe(false);
      expect(typeof (result as { text: unknown }).text).toBe('string');
      expect((result as { text: string }).text.length).toBeGreaterThan(0);
    }
    await asr.dispose();
  });
});
