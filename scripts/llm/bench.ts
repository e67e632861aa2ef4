/**
 * Speed of a generated Llama model on onnxruntime-node (CPU): load time, prompt processing, time to first
 * token, generation tokens/s and peak RSS. Random weights compute exactly as much as real ones.
 *
 *   npm run -s fixtures:llm -- --kind llama --size 1b --quantize q4 --out /tmp/llama-1b-q4
 *   npx tsx scripts/llm/bench.ts [--model /tmp/llama-1b-q4] [--file model_q4] [--prompt 1500] [--new 64]
 *                                [--threads 2] [--json]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { z } from 'zod';

const argsSchema = z.object({
  model: z.string().default('/tmp/llama-1b-q4'),
  file: z.string().default('model_q4'),
  prompt: z.coerce.number().int().positive().default(1500),
  new: z.coerce.number().int().positive().default(64),
  threads: z.coerce.number().int().positive().default(2),
  json: z.boolean().default(false),
});

const configSchema = z.object({
  num_hidden_layers: z.number(),
  num_key_value_heads: z.number(),
  head_dim: z.number(),
  vocab_size: z.number(),
});

const parseArgs = (argv: string[]): z.infer<typeof argsSchema> => {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i]?.replace(/^--/, '') ?? '';
    if (key === 'json') raw[key] = true;
    else raw[key] = argv[++i] ?? '';
  }
  return argsSchema.parse(raw);
};

const int64 = (values: number[]): Tensor =>
  new Tensor('int64', BigInt64Array.from(values.map(BigInt)), [1, values.length]);

const argmaxLast = (logits: Tensor | undefined): number => {
  if (!(logits?.data instanceof Float32Array)) throw new Error('no float logits');
  const vocab = logits.dims.at(-1) ?? 0;
  const row = logits.data.subarray(logits.data.length - vocab);
  let best = 0;
  for (let i = 1; i < row.length; i++) if ((row[i] ?? 0) > (row[best] ?? 0)) best = i;
  return best;
};

const rssMb = (): number => process.memoryUsage().rss / 2 ** 20;
const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

const main = async (): Promise<void> => {
  const args = parseArgs(process.argv.slice(2));
  const config = configSchema.parse(JSON.parse(readFileSync(join(args.model, 'config.json'), 'utf8')));
  const layers = config.num_hidden_layers;

  let started = performance.now();
  const session = await InferenceSession.create(join(args.model, 'onnx', `${args.file}.onnx`), {
    intraOpNumThreads: args.threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  const loadMs = performance.now() - started;
  const rssAfterLoad = rssMb();

  const keepLast = new Tensor('int64', BigInt64Array.from([1n]), []);
  let past: Record<string, Tensor> = {};
  for (let i = 0; i < layers; i++)
    for (const kv of ['key', 'value'])
      past[`past_key_values.${i}.${kv}`] = new Tensor('float32', new Float32Array(0), [
        1,
        config.num_key_value_heads,
        0,
        config.head_dim,
      ]);
  const step = async (tokens: number[], start: number): Promise<number> => {
    const out = await session.run({
      input_ids: int64(tokens),
      attention_mask: int64(Array<number>(start + tokens.length).fill(1)),
      position_ids: int64(tokens.map((_, k) => start + k)),
      num_logits_to_keep: keepLast,
      ...past,
    });
    const next: Record<string, Tensor> = {};
    for (const name of Object.keys(past)) {
      const present = out[name.replace('past_key_values', 'present')];
      if (present === undefined) throw new Error(`missing ${name}`);
      next[name] = present;
    }
    past = next;
    return argmaxLast(out['logits']);
  };

  // A deterministic prompt of regular token ids (Llama 3's 256 special tokens come last).
  const regular = config.vocab_size - 256;
  const prompt = Array.from({ length: args.prompt }, (_, k) => (k * 7919 + 13) % regular);
  started = performance.now();
  let token = await step(prompt, 0);
  const firstTokenMs = performance.now() - started;

  started = performance.now();
  for (let k = 1; k < args.new; k++) token = await step([token], prompt.length + k - 1);
  const generateMs = performance.now() - started;
  await session.release();

  const result = {
    model: join(args.model, 'onnx', `${args.file}.onnx`),
    threads: args.threads,
    prompt_tokens: args.prompt,
    new_tokens: args.new,
    load_s: +(loadMs / 1000).toFixed(2),
    time_to_first_token_s: +(firstTokenMs / 1000).toFixed(2),
    prompt_tokens_per_s: +(args.prompt / (firstTokenMs / 1000)).toFixed(1),
    generation_tokens_per_s: +((args.new - 1) / (generateMs / 1000)).toFixed(2),
    rss_after_load_mb: Math.round(rssAfterLoad),
    peak_rss_mb: Math.round(peakRssMb()),
  };
  if (args.json) console.log(JSON.stringify(result));
  else for (const [key, value] of Object.entries(result)) console.log(`${key.padEnd(24)} ${String(value)}`);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
