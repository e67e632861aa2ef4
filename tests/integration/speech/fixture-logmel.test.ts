/**
 * transformers.js's WhisperFeatureExtractor (loaded from a fixture folder, as the app loads it) against an
 * independent log-mel computation (scripts/whisper/logmel_reference.py: torch.stft + NumPy Slaney filters,
 * float64) of the same audio, to 1e-4 absolute.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AutoProcessor, env, type Tensor } from '@huggingface/transformers';
import { z } from 'zod';
import { HAS_JFK, JFK_WAV, MODELS_DIR, RANDOM_MODEL, readJsonFile, readWav16kMono } from './fixture-files';

const reference = readJsonFile(
  z.object({
    shape: z.tuple([z.literal(80), z.literal(3000)]),
    frames: z.array(z.number().int()),
    min: z.number(),
    max: z.number(),
    frame_sums: z.array(z.number()).length(3000),
    mel_sums: z.array(z.number()).length(80),
  }),
  'logmel',
  'jfk.json',
);

const referenceFrames = (): Float32Array => {
  const bytes = readFileSync(path.join(MODELS_DIR, 'logmel', 'jfk-frames.f32'));
  const values = new Float32Array(bytes.length / 4);
  for (let i = 0; i < values.length; i++) values[i] = bytes.readFloatLE(i * 4);
  return values;
};

describe.skipIf(!HAS_JFK)('Whisper log-mel features', () => {
  let features: Float32Array;

  beforeAll(async () => {
    env.allowRemoteModels = false;
    env.localModelPath = MODELS_DIR;
    const processor = await AutoProcessor.from_pretrained(RANDOM_MODEL);
    const { input_features } = (await processor(readWav16kMono(JFK_WAV))) as { input_features: Tensor };
    expect(input_features.dims).toEqual([1, 80, 3000]);
    features = input_features.data as Float32Array;
  });

  const at = (mel: number, frame: number): number => features[mel * 3000 + frame] ?? Number.NaN;

  it('matches the independent reference frame by frame to 1e-4', () => {
    const expected = referenceFrames();
    expect(expected.length).toBe(reference.frames.length * 80);
    let worst = 0;
    reference.frames.forEach((frame, k) => {
      for (let mel = 0; mel < 80; mel++)
        worst = Math.max(worst, Math.abs(at(mel, frame) - (expected[k * 80 + mel] ?? Number.NaN)));
    });
    expect(worst).toBeLessThan(1e-4);
  });

  it('matches the reference checksums over every frame and every mel band', () => {
    for (let frame = 0; frame < 3000; frame++) {
      let sum = 0;
      for (let mel = 0; mel < 80; mel++) sum += at(mel, frame);
      expect(Math.abs(sum - (reference.frame_sums[frame] ?? Number.NaN))).toBeLessThan(80 * 1e-4);
    }
    for (let mel = 0; mel < 80; mel++) {
      let sum = 0;
      for (let frame = 0; frame < 3000; frame++) sum += at(mel, frame);
      expect(Math.abs(sum - (reference.mel_sums[mel] ?? Number.NaN))).toBeLessThan(3000 * 1e-4);
    }
    expect(features.reduce((a, b) => Math.min(a, b))).toBeCloseTo(reference.min, 4);
    expect(features.reduce((a, b) => Math.max(a, b))).toBeCloseTo(reference.max, 4);
  });
});
