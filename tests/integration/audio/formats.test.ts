import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAudio16k, probeAudioFile, streamAudio16k, type AudioProbe } from '../../../main/audio';
import { peakFrequency, rms } from '../../unit/audio/signals';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/audio');
const JFK = path.resolve(import.meta.dirname, '../../../../shared/audio/jfk');
const haveJfk = fs.existsSync(path.join(JFK, 'jfk.wav'));

type Case = { file: string; probe: Omit<AudioProbe, 'durationMs'>; durationMs: number; toleranceMs: number };

const CASES: Case[] = [
  {
    file: 'tones-stereo.opus',
    probe: { format: 'ogg', codec: 'opus', sampleRate: 48000, channels: 2 },
    durationMs: 1500,
    toleranceMs: 1,
  },
  {
    file: 'tones-stereo-44k.ogg',
    probe: { format: 'ogg', codec: 'vorbis', sampleRate: 44100, channels: 2 },
    durationMs: 1500,
    toleranceMs: 1,
  },
  // The WebM Duration element counts the last block's full length.
  {
    file: 'tones-stereo.webm',
    probe: { format: 'webm', codec: 'opus', sampleRate: 48000, channels: 2 },
    durationMs: 1500,
    toleranceMs: 10,
  },
  {
    file: 'tones-stereo-live.webm',
    probe: { format: 'webm', codec: 'opus', sampleRate: 48000, channels: 2 },
    durationMs: 1500,
    toleranceMs: 1,
  },
  {
    file: 'tones-stereo-22k.flac',
    probe: { format: 'flac', codec: 'flac', sampleRate: 22050, channels: 2, bitsPerSample: 16 },
    durationMs: 1500,
    toleranceMs: 1,
  },
  {
    file: 'tones-stereo-44k.mp3',
    probe: { format: 'mp3', codec: 'mp3', sampleRate: 44100, channels: 2 },
    durationMs: 1500,
    toleranceMs: 1,
  },
  {
    file: 'tone-mono-44k.mp3',
    probe: { format: 'mp3', codec: 'mp3', sampleRate: 44100, channels: 1 },
    durationMs: 1500,
    toleranceMs: 1,
  },
];

/** The middle second, away from codec ramp-up at the start and the end. */
const body = (x: Float32Array): Float32Array => x.subarray(4000, 20000);

describe('compressed formats', () => {
  for (const c of CASES) {
    it(`probes and decodes ${c.file}`, async () => {
      const file = path.join(FIXTURES, c.file);
      const probe = await probeAudioFile(file);
      expect(probe).toMatchObject(c.probe);
      expect(Math.abs(probe.durationMs - c.durationMs)).toBeLessThanOrEqual(c.toleranceMs);
      const audio = await loadAudio16k(file);
      expect(audio.sampleRate).toBe(16000);
      expect(audio.channels).toHaveLength(c.probe.channels);
      expect(Math.abs(audio.durationMs - c.durationMs)).toBeLessThanOrEqual(1);
      if (c.probe.channels === 2) {
        // Two microphones stay two channels: 440 Hz on the left, 1 kHz on the right.
        expect(peakFrequency(body(audio.channels[0] ?? new Float32Array()), 16000)).toBe(440);
        expect(peakFrequency(body(audio.channels[1] ?? new Float32Array()), 16000)).toBe(1000);
        expect(audio.mono).not.toBe(audio.channels[0]);
      } else {
        expect(peakFrequency(body(audio.mono), 16000)).toBe(1000);
        expect(audio.mono).toBe(audio.channels[0]);
      }
      expect(rms(body(audio.mono))).toBeGreaterThan(0.02);
    });
  }

  it('streams the same samples it loads, in contiguous blocks', async () => {
    for (const c of CASES) {
      const file = path.join(FIXTURES, c.file);
      const whole = await loadAudio16k(file);
      const parts: number[] = [];
      let next = 0;
      for await (const block of streamAudio16k(file)) {
        expect(block.startSample).toBe(next);
        next += block.mono.length;
        parts.push(...block.mono);
      }
      expect(Float32Array.from(parts)).toEqual(whole.mono);
    }
  });

  it('reports progress up to 1 and stops with JOB_CANCELLED when aborted', async () => {
    const file = path.join(FIXTURES, 'tones-stereo-44k.mp3');
    const seen: number[] = [];
    await loadAudio16k(file, { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && f >= (seen[i - 1] ?? 0))).toBe(true);
    const controller = new AbortController();
    controller.abort();
    await expect(loadAudio16k(file, { signal: controller.signal })).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
  });

  it('refuses whole-file loading past the duration limit with AUDIO_UNSUPPORTED', async () => {
    await expect(loadAudio16k(path.join(FIXTURES, 'tone-mono-44k.mp3'), { maxDurationMs: 1000 })).rejects.toMatchObject(
      {
        code: 'AUDIO_UNSUPPORTED',
      },
    );
  });
});

describe.skipIf(!haveJfk)('real speech (../shared/audio/jfk)', () => {
  it('decodes jfk.wav and jfk.mp3 to the same 11 s of 16 kHz speech', async () => {
    const wav = await loadAudio16k(path.join(JFK, 'jfk.wav'));
    const mp3 = await loadAudio16k(path.join(JFK, 'jfk.mp3'));
    expect(await probeAudioFile(path.join(JFK, 'jfk.wav'))).toEqual({
      format: 'wav',
      codec: 'pcm_s',
      sampleRate: 16000,
      channels: 1,
      durationMs: 11000,
      bitsPerSample: 16,
    });
    expect(wav.durationMs).toBe(11000);
    expect(mp3.durationMs).toBe(11000);
    // Same speech: the energy envelopes (50 ms frames) correlate strongly.
    const envelope = (x: Float32Array): number[] =>
      Array.from({ length: Math.floor(x.length / 800) }, (_, i) => rms(x, i * 800, i * 800 + 800));
    const a = envelope(wav.mono);
    const b = envelope(mp3.mono);
    const mean = (v: number[]): number => v.reduce((s, x) => s + x, 0) / v.length;
    const [ma, mb] = [mean(a), mean(b)];
    let num = 0;
    let da = 0;
    let db = 0;
    a.forEach((x, i) => {
      const y = b[i] ?? 0;
      num += (x - ma) * (y - mb);
      da += (x - ma) ** 2;
      db += (y - mb) ** 2;
    });
    expect(num / Math.sqrt(da * db)).toBeGreaterThan(0.95);
  });
});
