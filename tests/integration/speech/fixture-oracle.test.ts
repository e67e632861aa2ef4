/**
 * The oracle fixture (tests/fixtures/models/whisper-oracle): hand-set weights whose greedy output is known,
 * so the whole transformers.js path -- features, encoder, merged decoder with cache, timestamp logits
 * processor, tokenizer ASR decoding -- is checked against exact text, times and token ids, and a single
 * decoder step after <|startoftranscript|> answers language detection with <|de|>.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AutoProcessor, Tensor, WhisperForConditionalGeneration, env, pipeline } from '@huggingface/transformers';
import { z } from 'zod';
import { HAS_JFK, JFK_WAV, MODELS_DIR, ORACLE_MODEL, readJsonFile, readWav16kMono } from './fixture-files';

const oracle = readJsonFile(
  z.object({
    oracle: z.object({
      language: z.string(),
      expected_tokens: z.array(z.number()),
      expected_text: z.string(),
      expected_chunks: z.array(z.object({ timestamp: z.tuple([z.number(), z.number()]), text: z.string() })),
    }),
  }),
  ORACLE_MODEL,
  'generated.json',
).oracle;
const generation = readJsonFile(
  z.object({ decoder_start_token_id: z.number(), lang_to_id: z.record(z.string(), z.number()) }),
  ORACLE_MODEL,
  'generation_config.json',
);

const argmaxOf = (values: ArrayLike<number>, candidates: number[]): number =>
  candidates.reduce((best, id) => ((values[id] ?? -Infinity) > (values[best] ?? -Infinity) ? id : best));

describe.skipIf(!HAS_JFK)('oracle Whisper fixture through transformers.js', () => {
  let audio: Float32Array;

  beforeAll(() => {
    env.allowRemoteModels = false;
    env.localModelPath = MODELS_DIR;
    audio = readWav16kMono(JFK_WAV);
  });

  it('returns exactly the oracle text and segment times with return_timestamps', async () => {
    const asr = await pipeline('automatic-speech-recognition', ORACLE_MODEL, { dtype: 'fp32' });
    const result = await asr(audio, { return_timestamps: true, language: oracle.language });
    expect(result).toEqual({ text: oracle.expected_text, chunks: oracle.expected_chunks });
    const plain = await asr(audio, { language: 'en', max_new_tokens: 16 });
    expect(plain).toEqual({ text: oracle.expected_text });
    await asr.dispose();
  });

  it('generates the expected token ids, timestamps included', async () => {
    const processor = await AutoProcessor.from_pretrained(ORACLE_MODEL);
    const model = await WhisperForConditionalGeneration.from_pretrained(ORACLE_MODEL, { dtype: 'fp32' });
    const { input_features } = (await processor(audio)) as { input_features: Tensor };
    const sequences = (await model.generate({
      inputs: input_features,
      language: oracle.language,
      task: 'transcribe',
      return_timestamps: true,
    })) as Tensor;
    expect(Array.from(sequences.data as BigInt64Array, Number)).toEqual(oracle.expected_tokens);

    const sot = new Tensor('int64', BigInt64Array.from([BigInt(generation.decoder_start_token_id)]), [1, 1]);
    const step = (await model({ input_features, decoder_input_ids: sot })) as { logits: Tensor };
    const logits = step.logits.data as Float32Array;
    const languageIds = Object.values(generation.lang_to_id);
    const detected = argmaxOf(logits, languageIds);
    expect(detected).toBe(generation.lang_to_id[`<|${oracle.language}|>`]);
    expect(argmaxOf(logits, Array.from(logits.keys()))).toBe(detected);
    await model.dispose();
  });
});
