/**
 * The Llama fixtures through transformers.js's text-generation pipeline, local files only: the oracle
 * (hand-set weights, tests/fixtures/models/llama-oracle) answers a chat -- formatted by the tokenizer's
 * Llama-3 chat template -- with exactly its known sentence, streamed token by token with TextStreamer; the
 * KV cache is really used (one token per cached step) and gives the same tokens as recomputing everything;
 * max_new_tokens is respected.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AutoTokenizer,
  LlamaForCausalLM,
  Tensor,
  TextStreamer,
  env,
  pipeline,
  type PreTrainedModel,
  type PreTrainedTokenizer,
} from '@huggingface/transformers';
import { z } from 'zod';
import { LLAMA_ORACLE, LLAMA_RANDOM, MODELS_DIR, argmax, readJsonFile } from './fixture-files';

const oracle = readJsonFile(
  z.object({ oracle: z.object({ expected_tokens: z.array(z.number()), expected_text: z.string() }) }),
  LLAMA_ORACLE,
  'generated.json',
).oracle;
const generation = readJsonFile(
  z.object({ eos_token_id: z.array(z.number()) }),
  LLAMA_ORACLE,
  'generation_config.json',
);

const chat = [
  { role: 'system', content: 'You are a concise clinical scribe.' },
  { role: 'user', content: 'Write the note: mild chest pain since yesterday, no fever.' },
];

const ids = (tensor: Tensor): number[] => Array.from(tensor.data as BigInt64Array, Number);

const chatInputs = (tokenizer: PreTrainedTokenizer): { input_ids: Tensor; attention_mask: Tensor } =>
  tokenizer.apply_chat_template(chat, { add_generation_prompt: true, return_dict: true });

/** Greedy decoding without a cache: every step runs the whole sequence from scratch. */
const greedyWithoutCache = async (model: PreTrainedModel, prompt: number[], steps: number): Promise<number[]> => {
  const tokens = [...prompt];
  for (let s = 0; s < steps; s++) {
    const input_ids = new Tensor('int64', BigInt64Array.from(tokens.map(BigInt)), [1, tokens.length]);
    const attention_mask = new Tensor('int64', new BigInt64Array(tokens.length).fill(1n), [1, tokens.length]);
    const { logits } = (await model({ input_ids, attention_mask })) as { logits: Tensor };
    const vocab = logits.dims.at(-1) ?? 0;
    const data = logits.data as Float32Array;
    const last = data.subarray(data.length - vocab);
    const next = argmax(last);
    tokens.push(next);
    if (generation.eos_token_id.includes(next)) break;
  }
  return tokens.slice(prompt.length);
};

type Feeds = Record<string, { dims: readonly number[] }>;
type Session = { run: (feeds: Feeds) => Promise<unknown> };

/** Records [new tokens, past length] of every onnxruntime call the model makes. */
const recordSessionCalls = (model: PreTrainedModel): [number, number][] => {
  const session = (model.sessions as Record<string, Session | undefined>)['model'];
  if (session === undefined) throw new Error('no model session');
  const calls: [number, number][] = [];
  const run = session.run.bind(session);
  session.run = async (feeds: Feeds) => {
    calls.push([feeds['input_ids']?.dims[1] ?? -1, feeds['past_key_values.0.key']?.dims[2] ?? -1]);
    return run(feeds);
  };
  return calls;
};

describe('Llama fixtures through transformers.js text generation', () => {
  beforeAll(() => {
    env.allowRemoteModels = false;
    env.localModelPath = MODELS_DIR;
  });

  it('answers the chat with exactly the oracle sentence', async () => {
    const generator = await pipeline('text-generation', LLAMA_ORACLE, { dtype: 'fp32' });
    const result = await generator(chat, { max_new_tokens: 32 });
    expect(result).toEqual([{ generated_text: [...chat, { role: 'assistant', content: oracle.expected_text }] }]);
    await generator.dispose();
  });

  it('formats the chat with the Llama-3 template, ending in the assistant header', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(LLAMA_ORACLE);
    const text = tokenizer.apply_chat_template(chat, { add_generation_prompt: true, tokenize: false });
    expect(text).toBe(
      '<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nYou are a concise clinical scribe.<|eot_id|>' +
        '<|start_header_id|>user<|end_header_id|>\n\nWrite the note: mild chest pain since yesterday, no fever.<|eot_id|>' +
        '<|start_header_id|>assistant<|end_header_id|>\n\n',
    );
    const prompt = ids(chatInputs(tokenizer).input_ids);
    expect(tokenizer.decode(prompt.slice(-4))).toBe('<|start_header_id|>assistant<|end_header_id|>\n\n');
    expect(tokenizer.decode(prompt.slice(-1))).toBe('\n\n'); // one token: what the oracle answers
  });

  it('generates the expected token ids, ending with <|eot_id|>, and streams the same text token by token', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(LLAMA_ORACLE);
    const model = await LlamaForCausalLM.from_pretrained(LLAMA_ORACLE, { dtype: 'fp32' });
    const inputs = chatInputs(tokenizer);
    const promptLength = inputs.input_ids.dims[1] ?? 0;
    const pieces: string[] = [];
    const streamed: number[] = [];
    const streamer = new TextStreamer(tokenizer, {
      skip_prompt: true,
      callback_function: (text: string) => pieces.push(text),
      token_callback_function: (tokens: bigint[]) => streamed.push(...tokens.map(Number)),
    });
    const sequences = (await model.generate({ ...inputs, max_new_tokens: 32, streamer })) as Tensor;
    const generated = ids(sequences).slice(promptLength);
    expect(generated).toEqual(oracle.expected_tokens);
    expect(generated.at(-1)).toBe(tokenizer.convert_tokens_to_ids('<|eot_id|>'));
    expect(streamed).toEqual(oracle.expected_tokens);
    expect(pieces.join('')).toBe(oracle.expected_text);
    expect(pieces.length).toBeGreaterThan(3);
    await model.dispose();
  });

  it.each([LLAMA_ORACLE, LLAMA_RANDOM])('uses the KV cache and matches generation without it (%s)', async (name) => {
    const tokenizer = await AutoTokenizer.from_pretrained(name);
    const model = await LlamaForCausalLM.from_pretrained(name, { dtype: 'fp32' });
    const inputs = chatInputs(tokenizer);
    const prompt = ids(inputs.input_ids);
    const calls = recordSessionCalls(model);
    const sequences = (await model.generate({ ...inputs, max_new_tokens: 12 })) as Tensor;
    const cached = ids(sequences).slice(prompt.length);
    expect(cached.length).toBeGreaterThan(1);
    // First call: the whole prompt on an empty cache; then one token per call on a growing cache.
    const cachedSteps = cached.slice(1).map((_, k): [number, number] => [1, prompt.length + k]);
    expect(calls).toEqual([[prompt.length, 0], ...cachedSteps]);
    calls.length = 0;
    expect(await greedyWithoutCache(model, prompt, 12)).toEqual(cached);
    await model.dispose();
  });

  it('stops at max_new_tokens', async () => {
    const generator = await pipeline('text-generation', LLAMA_ORACLE, { dtype: 'fp32' });
    const result = await generator(chat, { max_new_tokens: 3 });
    expect(result).toEqual([{ generated_text: [...chat, { role: 'assistant', content: 'The patient reports' }] }]);
    await generator.dispose();

    const tokenizer = await AutoTokenizer.from_pretrained(LLAMA_RANDOM);
    const model = await LlamaForCausalLM.from_pretrained(LLAMA_RANDOM, { dtype: 'fp32' });
    const inputs = chatInputs(tokenizer);
    const sequences = (await model.generate({ ...inputs, max_new_tokens: 7 })) as Tensor;
    expect(sequences.dims).toEqual([1, (inputs.input_ids.dims[1] ?? 0) + 7]);
    await model.dispose();
  });

  it('runs the 4-bit model (dtype q4) through the pipeline', async () => {
    const generator = await pipeline('text-generation', LLAMA_RANDOM, { dtype: 'q4' });
    const result = await generator('The patient', { max_new_tokens: 5, return_full_text: false });
    expect(result).toEqual([{ generated_text: expect.any(String) as string }]);
    await generator.dispose();
  });
});
