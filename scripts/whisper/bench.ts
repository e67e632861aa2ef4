/**
 * Times a generated Whisper model on onnxruntime-node: one encoder run on a 30-s input, the first
 * decoder step (3 prompt tokens, cross-attention K/V computed) and cached one-token steps; prints JSON
 * with the timings, file sizes and the process's peak RSS. Run one precision per process so RSS is its own.
 *
 *   npx tsx scripts/whisper/bench.ts --model /tmp/whisper-base [--dtype fp32|int8] [--threads 2] [--steps 32]
 */
import { statSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { z } from 'zod';

const configSchema = z.object({
  d_model: z.number().int(),
  decoder_layers: z.number().int(),
  decoder_attention_heads: z.number().int(),
  decoder_start_token_id: z.number().int(),
  num_mel_bins: z.number().int(),
});

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** CPU time (user + system, all threads) spent so far, in ms: on a shared machine it shows the work done
 * even when wall time is inflated by other processes. */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      model: { type: 'string' },
      dtype: { type: 'string', default: 'fp32' },
      threads: { type: 'string', default: '2' },
      steps: { type: 'string', default: '32' },
    },
  });
  if (values.model === undefined) throw new Error('--model DIR is required');
  const suffix = values.dtype === 'int8' ? '_int8' : '';
  const config = configSchema.parse(JSON.parse(readFileSync(join(values.model, 'config.json'), 'utf8')));
  const options: InferenceSession.SessionOptions = {
    intraOpNumThreads: Number(values.threads),
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  };
  const encoderFile = join(values.model, 'onnx', `encoder_model${suffix}.onnx`);
  const decoderFile = join(values.model, 'onnx', `decoder_model_merged${suffix}.onnx`);
  const [encoder, encoderLoadMs] = await timed(() => InferenceSession.create(encoderFile, options));
  const [decoder, decoderLoadMs] = await timed(() => InferenceSession.create(decoderFile, options));

  const features = new Float32Array(config.num_mel_bins * 3000).map((_, i) => Math.sin(i * 0.001));
  const featureTensor = new Tensor('float32', features, [1, config.num_mel_bins, 3000]);
  const encoderMs: number[] = [];
  let hidden: Tensor | undefined;
  const encoderCpuStart = cpuMs();
  for (let run = 0; run < 3; run++) {
    const [out, ms] = await timed(() => encoder.run({ input_features: featureTensor }));
    hidden = out['last_hidden_state'];
    encoderMs.push(ms);
  }
  const encoderCpuMs = (cpuMs() - encoderCpuStart) / encoderMs.length;
  if (hidden === undefined) throw new Error('encoder produced no last_hidden_state');

  const heads = config.decoder_attention_heads;
  const headDim = config.d_model / heads;
  const feeds: Record<string, Tensor> = {
    input_ids: new Tensor('int64', BigInt64Array.from([config.decoder_start_token_id, 0, 0].map(BigInt)), [1, 3]),
    encoder_hidden_states: hidden,
    use_cache_branch: new Tensor('bool', [false], [1]),
  };
  for (let i = 0; i < config.decoder_layers; i++)
    for (const kind of ['decoder', 'encoder'])
      for (const kv of ['key', 'value'])
        feeds[`past_key_values.${i}.${kind}.${kv}`] = new Tensor('float32', new Float32Array(0), [
          1,
          heads,
          0,
          headDim,
        ]);
  const [first, firstStepMs] = await timed(() => decoder.run(feeds));
  const [, repeatFirstStepMs] = await timed(() => decoder.run(feeds)); // warm: allocations and subgraph set-up done
  const past: Record<string, Tensor> = {};
  const keep = (out: InferenceSession.OnnxValueMapType, withEncoder: boolean): void => {
    for (const [name, value] of Object.entries(out))
      if (name.startsWith('present.') && (withEncoder || name.includes('.decoder.')))
        past[name.replace('present.', 'past_key_values.')] = value;
  };
  keep(first, true);
  const stepMs: number[] = [];
  const stepCpuStart = cpuMs();
  for (let step = 0; step < Number(values.steps); step++) {
    const [out, ms] = await timed(() =>
      decoder.run({
        input_ids: new Tensor('int64', BigInt64Array.from([BigInt(step + 1)]), [1, 1]),
        encoder_hidden_states: hidden,
        use_cache_branch: new Tensor('bool', [true], [1]),
        ...past,
      }),
    );
    keep(out, false);
    stepMs.push(ms);
  }
  const stepCpuMs = (cpuMs() - stepCpuStart) / stepMs.length;
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  console.log(
    JSON.stringify(
      {
        model: values.model,
        dtype: values.dtype,
        intraOpThreads: Number(values.threads),
        fileMB: {
          encoder: round(statSync(encoderFile).size / 1e6),
          decoder: round(statSync(decoderFile).size / 1e6),
        },
        loadMs: { encoder: round(encoderLoadMs), decoder: round(decoderLoadMs) },
        encoder30sMs: {
          first: round(encoderMs[0] ?? Number.NaN),
          median: round(median(encoderMs)),
          min: round(Math.min(...encoderMs)),
          cpuPerRun: round(encoderCpuMs),
        },
        decoderFirstStepMs: { first: round(firstStepMs), repeat: round(repeatFirstStepMs) },
        decoderCachedStepMs: {
          median: round(median(stepMs)),
          min: round(Math.min(...stepMs)),
          cpuPerStep: round(stepCpuMs),
          steps: stepMs.length,
        },
        loadAverage: loadavg().map(round),
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      },
      null,
      2,
    ),
  );
};

await main();
