import fs from 'node:fs';
import path from 'node:path';

/** ../shared beside the checkout (read-only in CI); tests that need it skip when it is absent. */
export const SHARED_AUDIO = path.resolve(import.meta.dirname, '../../../../shared/audio');
export const JFK_WAV = path.join(SHARED_AUDIO, 'jfk', 'jfk.wav');
export const hasJfk = fs.existsSync(JFK_WAV);

/**
 * A tiny reader for 16-bit PCM WAV files, enough for the shared fixtures (the app's decoder lives in
 * main/audio and is not needed to exercise the VAD). Returns mono samples, averaging channels.
 */
export const readWav16 = (file: string): { sampleRate: number; samples: Float32Array } => {
  const bytes = fs.readFileSync(file);
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a WAV file');
  }
  let offset = 12;
  let channels = 0;
  let sampleRate = 0;
  let bits = 0;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      channels = bytes.readUInt16LE(body + 2);
      sampleRate = bytes.readUInt32LE(body + 4);
      bits = bytes.readUInt16LE(body + 14);
    } else if (id === 'data') {
      if (bits !== 16 || channels < 1) throw new Error('only 16-bit PCM is supported here');
      const frames = Math.floor(Math.min(size, bytes.length - body) / (2 * channels));
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i += 1) {
        let sum = 0;
        for (let c = 0; c < channels; c += 1) sum += bytes.readInt16LE(body + (i * channels + c) * 2);
        samples[i] = sum / channels / 32768;
      }
      return { sampleRate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV file has no data chunk');
};

/** Deterministic white noise (a small LCG) so a failure reproduces. */
export const whiteNoise = (length: number, amplitude: number, seed = 1): Float32Array => {
  const out = new Float32Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i += 1) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = (x / 0x1_0000_0000 - 0.5) * 2 * amplitude;
  }
  return out;
};
