import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createResampler, resample } from '../../../main/audio/resampler';
import { TARGET_SAMPLE_RATE } from '../../../main/audio/types';
import { decibels, peakFrequency, rms, thrownCode, tone, zeroCrossingFrequency } from './signals';

const RATES = [44100, 22050, 8000, 48000, 16000];

/** Skips the edges, where the filter reads the silence before the start and after the end. */
const middle = (x: Float32Array): Float32Array => x.subarray(800, x.length - 800);

describe('resampler to 16 kHz', () => {
  for (const rate of RATES) {
    it(`keeps a 1 kHz tone at 1 kHz and its level (${rate} Hz input)`, () => {
      const out = resample(tone(1000, rate, 1), rate, TARGET_SAMPLE_RATE);
      const body = middle(out);
      expect(Math.abs(peakFrequency(body, TARGET_SAMPLE_RATE) - 1000)).toBeLessThanOrEqual(1);
      expect(Math.abs(zeroCrossingFrequency(body, TARGET_SAMPLE_RATE) - 1000)).toBeLessThan(0.5);
      expect(rms(body)).toBeCloseTo(0.5 / Math.SQRT2, 3);
    });

    it(`preserves the duration within 1 ms (${rate} Hz input)`, () => {
      for (const seconds of [0.25, 1.0001, 3.7]) {
        const input = tone(440, rate, seconds);
        const out = resample(input, rate, TARGET_SAMPLE_RATE);
        const inMs = (input.length * 1000) / rate;
        const outMs = (out.length * 1000) / TARGET_SAMPLE_RATE;
        expect(Math.abs(outMs - inMs)).toBeLessThan(1);
      }
    });
  }

  it('attenuates a 12 kHz tone at 48 kHz by at least 40 dB instead of aliasing it to 4 kHz', () => {
    const out = middle(resample(tone(12000, 48000, 1), 48000, TARGET_SAMPLE_RATE));
    const attenuation = decibels(rms(out) / (0.5 / Math.SQRT2));
    expect(attenuation).toBeLessThan(-40);
  });

  it('attenuates everything from 8 kHz up coming from 44.1 kHz, and passes 6 kHz', () => {
    for (const f of [8200, 10000, 15000, 20000]) {
      const out = middle(resample(tone(f, 44100, 0.5), 44100, TARGET_SAMPLE_RATE));
      expect(decibels(rms(out) / (0.5 / Math.SQRT2))).toBeLessThan(-40);
    }
    const pass = middle(resample(tone(6000, 44100, 0.5), 44100, TARGET_SAMPLE_RATE));
    expect(Math.abs(decibels(rms(pass) / (0.5 / Math.SQRT2)))).toBeLessThan(0.1);
  });

  it('removes the images when upsampling 8 kHz to 16 kHz', () => {
    const out = middle(resample(tone(3000, 8000, 1), 8000, TARGET_SAMPLE_RATE));
    // A 3 kHz tone upsampled naively also shows at 5 kHz; only 3 kHz must remain.
    expect(peakFrequency(out, TARGET_SAMPLE_RATE)).toBe(3000);
    expect(Math.abs(rms(out) - 0.5 / Math.SQRT2)).toBeLessThan(0.005);
  });

  it('keeps a constant exactly constant (each polyphase branch sums to one)', () => {
    const out = middle(resample(new Float32Array(44100).fill(0.25), 44100, TARGET_SAMPLE_RATE));
    for (const x of out) expect(x).toBeCloseTo(0.25, 5);
  });

  it('gives the same samples streamed in blocks of any size as in one call', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RATES),
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 20 }),
        (rate, sizes) => {
          const input = tone(997, rate, 0.4);
          const oneShot = resample(input, rate, TARGET_SAMPLE_RATE);
          const resampler = createResampler(rate, TARGET_SAMPLE_RATE);
          const parts: Float32Array[] = [];
          let at = 0;
          for (let i = 0; at < input.length; i += 1) {
            const size = sizes[i % sizes.length] ?? 1;
            parts.push(resampler.process(input.slice(at, at + size)));
            at += size;
          }
          parts.push(resampler.flush());
          const streamed = Float32Array.from(parts.flatMap((p) => Array.from(p)));
          expect(streamed).toEqual(oneShot);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keeps its state bounded: the output of a long stream arrives as the input does', () => {
    const resampler = createResampler(44100, TARGET_SAMPLE_RATE);
    const block = tone(500, 44100, 1);
    let out = 0;
    for (let second = 1; second <= 120; second += 1) {
      out += resampler.process(block).length;
      // Never more than the filter's look-ahead (a few ms) behind the input.
      expect(second * TARGET_SAMPLE_RATE - out).toBeLessThan(200);
    }
    out += resampler.flush().length;
    expect(out).toBe(120 * TARGET_SAMPLE_RATE);
  });

  it('refuses non-integer or non-positive rates', () => {
    expect(thrownCode(() => createResampler(0, 16000))).toBe('AUDIO_UNSUPPORTED');
    expect(thrownCode(() => createResampler(44100.5, 16000))).toBe('AUDIO_UNSUPPORTED');
  });
});
