/**
 * computeLogMel against transformers.js's WhisperFeatureExtractor (loaded from the committed fixture, as the app
 * loads it) and against the independent torch reference in tests/fixtures/models/logmel, to 1e-4 absolute.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AutoProcessor, WhisperFeatureExtractor, env, type Tensor } from '@huggingface/transformers';
import { z } from 'zod';
import { AppError } from '../../../common/errors';
import { LOG_MEL_FRAMES, computeLogMel } from '../../../main/speech/log-mel';

const MODELS_DIR = path.resolve(import.meta.dirname, '../../fixtures/models');
const LOGMEL_DIR = path.join(MODELS_DIR, 'logmel');
const JFK_WAV = path.resolve(import.meta.dirname, '../../../../shared/audio/jfk/jfk.wav');
const HAS_JFK = existsSync(JFK_WAV);
const SAMPLE_RATE = 16_000;
const TOLERANCE = 1e-4;

/** Just enough of RIFF/WAVE for 16-bit PCM mono 16 kHz. */
const readPcm16Wav = (file: string): Float32Array => {
  const bytes = readFileSync(file);
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not WAV');
  let pcm16 = false;
  for (let offset = 12; offset + 8 <= bytes.length;) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = bytes.subarray(offset + 8, offset + 8 + size);
    if (id === 'fmt ')
      pcm16 =
        body.readUInt16LE(0) === 1 &&
        body.readUInt16LE(2) === 1 &&
        body.readUInt32LE(4) === SAMPLE_RATE &&
        body.readUInt16LE(14) === 16;
    if (id === 'data') {
      if (!pcm16) throw new Error('expected 16-bit PCM mono 16 kHz');
      return Float32Array.from({ length: body.length >> 1 }, (_, i) => body.readInt16LE(i * 2) / 32768);
    }
    offset += 8 + size + (size & 1);
  }
  throw new Error('no data chunk');
};

/** Deterministic noise in [-1, 1). */
const noise = (length: number, seed: number): Float32Array => {
  let state = seed >>> 0;
  return Float32Array.from({ length }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  });
};

const tone = (seconds: number, hz: number, amplitude: number): Float32Array =>
  Float32Array.from(
    { length: Math.round(seconds * SAMPLE_RATE) },
    (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE),
  );

/** A rising chirp with a little noise: every band and every frame gets energy. */
const chirpWithNoise = (samples: number): Float32Array => {
  const hiss = noise(samples, 7);
  return Float32Array.from({ length: samples }, (_, i) => {
    const t = i / SAMPLE_RATE;
    return 0.4 * Math.sin(2 * Math.PI * (100 * t + 120 * t * t)) + 0.02 * (hiss[i] ?? 0);
  });
};

const maxAbsDifference = (a: Float32Array, b: Float32Array): number => {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] ?? Number.NaN) - (b[i] ?? Number.NaN)));
  return worst;
};

type Extractor = (audio: Float32Array) => Promise<unknown>;

const featuresOf = async (extract: Extractor, audio: Float32Array, nMels: number): Promise<Float32Array> => {
  const { input_features } = (await extract(audio)) as { input_features: Tensor };
  expect(input_features.dims).toEqual([1, nMels, LOG_MEL_FRAMES]);
  return input_features.data as Float32Array;
};

describe('computeLogMel against transformers.js', () => {
  let processor: Extractor;

  beforeAll(async () => {
    env.allowRemoteModels = false;
    env.localModelPath = MODELS_DIR;
    const loaded = await AutoProcessor.from_pretrained('whisper-tiny-random');
    processor = (audio) => loaded(audio) as Promise<unknown>;
  });

  const inputs: [string, () => Float32Array][] = [
    ['a 5-s 440 Hz tone', () => tone(5, 440, 0.5)],
    ['1 s of silence', () => new Float32Array(SAMPLE_RATE)],
    ['exactly 30 s of chirp and noise', () => chirpWithNoise(30 * SAMPLE_RATE)],
    ['1 s of noise', () => noise(SAMPLE_RATE, 3)],
    ['audio ending inside the right-hand reflection (479,900 samples)', () => chirpWithNoise(479_900)],
    ['31 s (cut at 30 s)', () => chirpWithNoise(31 * SAMPLE_RATE)],
    ['a single sample', () => Float32Array.of(0.25)],
    [
      'noise, a gap of digital silence, noise',
      () => Float32Array.of(...noise(8000, 1), ...new Float32Array(16000), ...noise(8000, 2)),
    ],
  ];

  it.each(inputs)('matches on %s to 1e-4', async (_name, make) => {
    const audio = make();
    const before = Float32Array.from(audio);
    const ours = computeLogMel(audio);
    expect(ours).toBeInstanceOf(Float32Array);
    expect(ours.length).toBe(80 * LOG_MEL_FRAMES);
    expect(maxAbsDifference(ours, await featuresOf(processor, audio, 80))).toBeLessThan(TOLERANCE);
    expect(Buffer.compare(Buffer.from(audio.buffer), Buffer.from(before.buffer))).toBe(0); // input untouched
  });

  it.skipIf(!HAS_JFK)('matches on jfk.wav to 1e-4', async () => {
    const audio = readPcm16Wav(JFK_WAV);
    expect(maxAbsDifference(computeLogMel(audio), await featuresOf(processor, audio, 80))).toBeLessThan(TOLERANCE);
  });

  it('matches a 128-mel extractor (large-v3 layout) to 1e-4', async () => {
    const extractor = new WhisperFeatureExtractor({
      feature_size: 128,
      sampling_rate: SAMPLE_RATE,
      hop_length: 160,
      n_fft: 400,
      chunk_length: 30,
      n_samples: 480_000,
      nb_max_frames: 3000,
      padding_value: 0,
    });
    const audio = HAS_JFK ? readPcm16Wav(JFK_WAV) : chirpWithNoise(12 * SAMPLE_RATE);
    const theirs = await featuresOf((a) => extractor(a) as Promise<unknown>, audio, 128);
    expect(maxAbsDifference(computeLogMel(audio, { nMels: 128 }), theirs)).toBeLessThan(TOLERANCE);
  });
});

describe('computeLogMel', () => {
  it('gives silence and empty input the flat floor value (−10 + 4) / 4', () => {
    for (const audio of [new Float32Array(0), new Float32Array(480_000)]) {
      const features = computeLogMel(audio);
      expect(features.every((v) => v === -1.5)).toBe(true);
    }
  });

  it('keeps values within 8 decades of the maximum, i.e. a span of at most 2 after scaling', () => {
    const features = computeLogMel(tone(2, 1000, 0.1));
    const max = features.reduce((a, b) => Math.max(a, b));
    const min = features.reduce((a, b) => Math.min(a, b));
    expect(max - min).toBeLessThanOrEqual(2 + 1e-6);
    // Frames past the tone are padding: they sit exactly on the floor.
    expect(features[10 * LOG_MEL_FRAMES + 2999]).toBeCloseTo(max - 2, 6);
  });

  it('rejects mel counts other than 80 and 128', () => {
    const attempt = (): unknown => computeLogMel(new Float32Array(10), { nMels: 64 as 80 });
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }) as Error);
  });
});

const torchReference = z.object({
  shape: z.tuple([z.literal(80), z.literal(LOG_MEL_FRAMES)]),
  frames: z.array(
    z
      .number()
      .int()
      .min(0)
      .max(LOG_MEL_FRAMES - 1),
  ),
  min: z.number(),
  max: z.number(),
  frame_sums: z.array(z.number()).length(LOG_MEL_FRAMES),
  mel_sums: z.array(z.number()).length(80),
});
const HAS_TORCH_REFERENCE = existsSync(path.join(LOGMEL_DIR, 'jfk.json'));

describe.skipIf(!HAS_JFK || !HAS_TORCH_REFERENCE)('computeLogMel against the torch reference (logmel/jfk)', () => {
  const features = (): Float32Array => computeLogMel(readPcm16Wav(JFK_WAV));

  it('matches the stored frames to 1e-4 and every frame and band sum to 1e-4 per value', () => {
    const reference = torchReference.parse(JSON.parse(readFileSync(path.join(LOGMEL_DIR, 'jfk.json'), 'utf8')));
    const bytes = readFileSync(path.join(LOGMEL_DIR, 'jfk-frames.f32'));
    expect(bytes.length).toBe(reference.frames.length * 80 * 4);
    const ours = features();
    const at = (mel: number, frame: number): number => ours[mel * LOG_MEL_FRAMES + frame] ?? Number.NaN;

    let worst = 0;
    reference.frames.forEach((frame, k) => {
      for (let mel = 0; mel < 80; mel++)
        worst = Math.max(worst, Math.abs(at(mel, frame) - bytes.readFloatLE((k * 80 + mel) * 4)));
    });
    expect(worst).toBeLessThan(TOLERANCE);

    reference.frame_sums.forEach((expected, frame) => {
      let sum = 0;
      for (let mel = 0; mel < 80; mel++) sum += at(mel, frame);
      expect(Math.abs(sum - expected)).toBeLessThan(80 * TOLERANCE);
    });
    reference.mel_sums.forEach((expected, mel) => {
      let sum = 0;
      for (let frame = 0; frame < LOG_MEL_FRAMES; frame++) sum += at(mel, frame);
      expect(Math.abs(sum - expected)).toBeLessThan(LOG_MEL_FRAMES * TOLERANCE);
    });
    expect(ours.reduce((a, b) => Math.min(a, b))).toBeCloseTo(reference.min, 4);
    expect(ours.reduce((a, b) => Math.max(a, b))).toBeCloseTo(reference.max, 4);
  });
});
