/**
 * The generated Llama fixture (tests/fixtures/models/llama-tiny-random) on onnxruntime-node: the graph exposes
 * the names and dims transformers.js feeds, reproduces an independent PyTorch forward pass (reference.json)
 * both in one full pass and token by token through the KV cache, honours num_logits_to_keep and left padding,
 * and the 4-bit (MatMulNBits) graph stays close to the fp32 one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { z } from 'zod';
import { LLAMA_RANDOM, MODELS_DIR, argmax, onnxFile, readJsonFile } from './fixture-files';

const stepSchema = z.object({ argmax: z.number(), logsumexp: z.number(), probe_logits: z.array(z.number()) });
type Step = z.infer<typeof stepSchema>;
const reference = readJsonFile(
  z.object({
    text: z.string(),
    tokens: z.array(z.number()),
    probe_ids: z.array(z.number()),
    steps: z.array(stepSchema),
    q4_steps: z.array(stepSchema),
  }),
  LLAMA_RANDOM,
  'reference.json',
);
const config = readJsonFile(
  z.object({
    num_hidden_layers: z.number(),
    num_attention_heads: z.number(),
    num_key_value_heads: z.number(),
    head_dim: z.number(),
    vocab_size: z.number(),
  }),
  LLAMA_RANDOM,
  'config.json',
);
const layers = config.num_hidden_layers;
const kvHeads = config.num_key_value_heads;
const vocab = config.vocab_size;

const int64 = (rows: number[][]): Tensor =>
  new Tensor('int64', BigInt64Array.from(rows.flat().map(BigInt)), [rows.length, rows[0]?.length ?? 0]);

type Past = Record<string, Tensor>;
const emptyPast = (batch: number): Past => {
  const past: Past = {};
  for (let i = 0; i < layers; i++)
    for (const kv of ['key', 'value'])
      past[`past_key_values.${i}.${kv}`] = new Tensor('float32', new Float32Array(0), [
        batch,
        kvHeads,
        0,
        config.head_dim,
      ]);
  return past;
};
const presentAsPast = (out: InferenceSession.OnnxValueMapType): Past => {
  const past: Past = {};
  for (let i = 0; i < layers; i++)
    for (const kv of ['key', 'value']) {
      const present = out[`present.${i}.${kv}`];
      if (present === undefined) throw new Error(`no present.${i}.${kv}`);
      past[`past_key_values.${i}.${kv}`] = present;
    }
  return past;
};

/** One forward call; positions start at `start`, the mask covers past + new tokens. */
const run = async (
  session: InferenceSession,
  tokens: number[],
  past: Past,
  start: number,
  keep: number,
): Promise<{ logits: Float32Array; dims: readonly number[]; past: Past }> => {
  const out = await session.run({
    input_ids: int64([tokens]),
    attention_mask: int64([Array<number>(start + tokens.length).fill(1)]),
    position_ids: int64([tokens.map((_, k) => start + k)]),
    num_logits_to_keep: new Tensor('int64', BigInt64Array.from([BigInt(keep)]), []),
    ...past,
  });
  const logits = out['logits'];
  if (!(logits?.data instanceof Float32Array)) throw new Error('no float logits');
  return { logits: logits.data, dims: logits.dims, past: presentAsPast(out) };
};

const row = (logits: Float32Array, position: number): Float32Array =>
  logits.subarray(position * vocab, (position + 1) * vocab);

const expectMatchesReference = (
  values: Float32Array,
  step: number,
  steps: Step[] = reference.steps,
  tolerance = 1e-4,
): void => {
  const expected = steps[step];
  if (expected === undefined) throw new Error(`no reference for step ${String(step)}`);
  expect(argmax(values)).toBe(expected.argmax);
  const max = Math.max(...values);
  const logsumexp = max + Math.log(values.reduce((sum, v) => sum + Math.exp(v - max), 0));
  expect(Math.abs(logsumexp - expected.logsumexp)).toBeLessThan(tolerance);
  reference.probe_ids.forEach((id, k) => {
    expect(Math.abs((values[id] ?? Number.NaN) - (expected.probe_logits[k] ?? Number.NaN))).toBeLessThan(tolerance);
  });
};

describe('generated Llama fixture on onnxruntime-node', () => {
  let fp32: InferenceSession;
  let q4: InferenceSession;

  beforeAll(async () => {
    fp32 = await InferenceSession.create(onnxFile(LLAMA_RANDOM, 'model'));
    q4 = await InferenceSession.create(onnxFile(LLAMA_RANDOM, 'model_q4'));
  });
  afterAll(async () => {
    await fp32.release();
    await q4.release();
  });

  it('exposes the inputs and outputs transformers.js feeds to LlamaForCausalLM', () => {
    const cacheNames = Array.from({ length: layers }, (_, i) => [`.${i}.key`, `.${i}.value`]).flat();
    expect(fp32.inputNames).toEqual([
      'input_ids',
      'attention_mask',
      'position_ids',
      ...cacheNames.map((n) => `past_key_values${n}`),
      'num_logits_to_keep',
    ]);
    expect(fp32.outputNames).toEqual(['logits', ...cacheNames.map((n) => `present${n}`)]);
    const past = fp32.inputMetadata.find((m) => m.name === 'past_key_values.0.key');
    expect(past?.isTensor === true ? past.shape : undefined).toEqual([
      'batch_size',
      kvHeads,
      'past_sequence_length',
      config.head_dim,
    ]);
    expect(kvHeads).toBeLessThan(config.num_attention_heads);
  });

  it('tokenizes the reference text to the reference tokens', async () => {
    env.allowRemoteModels = false;
    env.localModelPath = MODELS_DIR;
    const tokenizer = await AutoTokenizer.from_pretrained(LLAMA_RANDOM);
    expect(tokenizer.encode(reference.text, { add_special_tokens: false })).toEqual(reference.tokens);
  });

  it('reproduces the PyTorch reference logits at every position in one pass', async () => {
    const { logits, dims } = await run(fp32, reference.tokens, emptyPast(1), 0, 0);
    expect(dims).toEqual([1, reference.tokens.length, vocab]);
    reference.tokens.forEach((_, step) => {
      expectMatchesReference(row(logits, step), step);
    });
  });

  it('reproduces the reference token by token through the KV cache', async () => {
    const prefill = 4;
    let step = await run(fp32, reference.tokens.slice(0, prefill), emptyPast(1), 0, 1);
    expect(step.dims).toEqual([1, 1, vocab]);
    expectMatchesReference(step.logits, prefill - 1);
    for (let t = prefill; t < reference.tokens.length; t++) {
      step = await run(fp32, [reference.tokens[t] ?? 0], step.past, t, 1);
      expect(step.past['past_key_values.0.key']?.dims).toEqual([1, kvHeads, t + 1, config.head_dim]);
      expectMatchesReference(step.logits, t);
    }
  });

  it('ignores left padding through attention_mask (with position ids as transformers.js computes them)', async () => {
    const tokens = reference.tokens;
    const pad = 3;
    const out = await fp32.run({
      input_ids: int64([[...Array<number>(pad).fill(0), ...tokens]]),
      attention_mask: int64([[...Array<number>(pad).fill(0), ...tokens.map(() => 1)]]),
      position_ids: int64([[...Array<number>(pad).fill(1), ...tokens.map((_, k) => k)]]),
      num_logits_to_keep: new Tensor('int64', BigInt64Array.from([BigInt(tokens.length)]), []),
      ...emptyPast(1),
    });
    const logits = out['logits']?.data;
    if (!(logits instanceof Float32Array)) throw new Error('no float logits');
    tokens.forEach((_, step) => {
      expectMatchesReference(row(logits, step), step);
    });
  });

  it('runs the 4-bit MatMulNBits graph as the reference with its dequantized weights', async () => {
    // Fixtures use accuracy_level 0 (fp32 activations), so the 4-bit layout is pinned exactly.
    const { logits } = await run(q4, reference.tokens, emptyPast(1), 0, 0);
    reference.tokens.forEach((_, step) => {
      expectMatchesReference(row(logits, step), step, reference.q4_steps);
    });
  });
});
