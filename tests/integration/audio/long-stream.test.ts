import { describe, expect, it } from 'vitest';
import { streamAudio16kFromSource, type ByteSource } from '../../../main/audio';
import { encodeWav } from '../../../main/audio/wav-writer';

/**
 * A six-hour, 16 kHz, 16-bit stereo WAV (1.38 GB) that exists only as a function of the read
 * position: the header comes from encodeWav, the samples are a cheap deterministic pattern. This
 * exercises the real reader, converter, resampler and down-mix without the file on disk.
 */
const syntheticWav = (seconds: number, sampleRate: number, channels: number): ByteSource => {
  const frames = seconds * sampleRate;
  const header = encodeWav({ sampleRate, channels: Array.from({ length: channels }, () => new Float32Array(0)) });
  const view = new DataView(header.buffer);
  const dataBytes = frames * 2 * channels;
  view.setUint32(4, 36 + dataBytes, true);
  view.setUint32(40, dataBytes, true);
  const size = header.length + dataBytes;
  // Data byte d is (d * 31) & 0x3f: period 64, so any window is a slice of one precomputed tile.
  const tile = Uint8Array.from({ length: 1 << 20 }, (_, d) => (d * 31) & 0x3f);
  return {
    size,
    read: (position, length) => {
      const out = new Uint8Array(Math.max(0, Math.min(length, size - position)));
      let i = 0;
      for (; i < out.length && position + i < header.length; i += 1) out[i] = header[position + i] as number;
      while (i < out.length) {
        const d = position + i - header.length;
        const start = d % 64;
        const n = Math.min(out.length - i, tile.length - start);
        out.set(tile.subarray(start, start + n), i);
        i += n;
      }
      return Promise.resolve(out);
    },
    close: () => Promise.resolve(),
  };
};

describe('streaming a six-hour recording', () => {
  it('delivers every sample in contiguous blocks with bounded memory', { timeout: 600_000 }, async () => {
    const hours = 6;
    const source = syntheticWav(hours * 3600, 16000, 2);
    expect(source.size).toBeGreaterThan(1.3e9);
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    let next = 0;
    let blocks = 0;
    for await (const block of streamAudio16kFromSource(source)) {
      expect(block.startSample).toBe(next);
      expect(block.channels).toHaveLength(2);
      next += block.mono.length;
      blocks += 1;
      if (blocks % 200 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(next).toBe(hours * 3600 * 16000);
    // Whole-file decoding would need ~1.4 GB of float32 for this; streaming stays flat.
    expect((peak - baseline) / 2 ** 20).toBeLessThan(100);
  });
});
