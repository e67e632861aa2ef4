import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memorySource } from '../../../main/audio/byte-source';
import { loadAudio16kFromSource } from '../../../main/audio/load';
import { decodePcm16 } from '../../../main/audio/pcm-convert';
import { probeAudioFile, probeSource } from '../../../main/audio/probe';
import { decodeNative } from '../../../main/audio/decode-native';
import { openContainer } from '../../../main/audio/container';
import { encodeWav, writeWav, type WavSampleEncoding } from '../../../main/audio/wav-writer';
import { thrownCode, tone } from './signals';

/** Every value k / 32768 for a short ramp: exactly representable at 16 bits and wider. */
const ramp = (n: number, offset = 0): Float32Array =>
  Float32Array.from({ length: n }, (_, i) => (((i * 97 + offset) % 256) - 128) / 128);

const decodeAll = async (bytes: Uint8Array): Promise<Float32Array[]> => {
  const source = memorySource(bytes);
  const container = await openContainer(source, 'wav');
  const parts: Float32Array[][] = [];
  for await (const block of decodeNative(source, container)) parts.push(block.channels);
  return (parts[0] ?? []).map((_, c) => Float32Array.from(parts.flatMap((p) => Array.from(p[c] ?? []))));
};

const chunk = (id: string, body: Uint8Array, declared = body.length): Uint8Array => {
  const out = new Uint8Array(8 + body.length + (body.length & 1));
  out.set(Buffer.from(id, 'latin1'));
  new DataView(out.buffer).setUint32(4, declared, true);
  out.set(body, 8);
  return out;
};

const riff = (chunks: Uint8Array[], id = 'RIFF'): Uint8Array => {
  const body = Buffer.concat([Buffer.from('WAVE', 'latin1'), ...chunks]);
  const out = new Uint8Array(8 + body.length);
  out.set(Buffer.from(id, 'latin1'));
  new DataView(out.buffer).setUint32(4, body.length, true);
  out.set(body, 8);
  return out;
};

const fmt = (tag: number, channels: number, rate: number, bits: number): Uint8Array => {
  const body = new Uint8Array(16);
  const v = new DataView(body.buffer);
  v.setUint16(0, tag, true);
  v.setUint16(2, channels, true);
  v.setUint32(4, rate, true);
  v.setUint32(8, (rate * channels * bits) / 8, true);
  v.setUint16(12, (channels * bits) / 8, true);
  v.setUint16(14, bits, true);
  return body;
};

const pcm16 = (values: number[]): Uint8Array => {
  const out = new Uint8Array(values.length * 2);
  const view = new DataView(out.buffer);
  values.forEach((x, i) => {
    view.setInt16(i * 2, x, true);
  });
  return out;
};

const expectCode = async (promise: Promise<unknown>, code: string): Promise<void> => {
  await expect(promise).rejects.toMatchObject({ name: 'AppError', code });
};

describe('WAV reader', () => {
  const encodings: Array<[WavSampleEncoding, number]> = [
    ['pcm8', 1 / 128],
    ['pcm16', 1e-7],
    ['pcm24', 1e-7],
    ['pcm32', 1e-7],
    ['float32', 0],
  ];
  for (const [encoding, tolerance] of encodings) {
    for (const extensible of [false, true]) {
      it(`reads ${encoding}${extensible ? ' in WAVE_FORMAT_EXTENSIBLE' : ''} back exactly (two channels)`, async () => {
        const left = ramp(1001);
        const right = ramp(1001, 50);
        const bytes = encodeWav({ sampleRate: 22050, channels: [left, right], encoding, extensible });
        const probe = await probeSource(memorySource(bytes), 'wav');
        expect(probe).toMatchObject({ format: 'wav', sampleRate: 22050, channels: 2 });
        expect(probe.bitsPerSample).toBe({ pcm8: 8, pcm16: 16, pcm24: 24, pcm32: 32, float32: 32 }[encoding]);
        expect(probe.durationMs).toBeCloseTo((1001 / 22050) * 1000, 2);
        const [l, r] = await decodeAll(bytes);
        for (let i = 0; i < left.length; i += 1) {
          expect(Math.abs((l?.[i] ?? NaN) - (left[i] ?? 0))).toBeLessThanOrEqual(tolerance);
          expect(Math.abs((r?.[i] ?? NaN) - (right[i] ?? 0))).toBeLessThanOrEqual(tolerance);
        }
      });
    }
  }

  it('skips unknown chunks, honours the pad byte after odd sizes, and finds data after a LIST', async () => {
    const bytes = riff([
      chunk('fmt ', fmt(1, 1, 16000, 16)),
      chunk('junk', new Uint8Array(3).fill(0xff)), // odd: one pad byte follows
      chunk('LIST', new Uint8Array(11).fill(0x41)),
      chunk('data', pcm16([1000, -1000, 16384])),
    ]);
    const [mono] = await decodeAll(bytes);
    expect(Array.from(mono ?? [])).toEqual([1000 / 32768, -1000 / 32768, 0.5]);
  });

  it('reads to the end of the file when a streaming writer left the data size at 0 or 0xFFFFFFFF', async () => {
    for (const declared of [0, 0xffffffff]) {
      const bytes = riff([chunk('fmt ', fmt(1, 1, 16000, 16)), chunk('data', pcm16([1, 2, 3, 4, 5]), declared)]);
      const probe = await probeSource(memorySource(bytes), 'wav');
      expect(probe.durationMs).toBeCloseTo((5 / 16000) * 1000, 2);
      expect((await decodeAll(bytes))[0]?.length).toBe(5);
    }
  });

  it('reads RF64 with its ds64 size', async () => {
    const ds64 = new Uint8Array(28);
    new DataView(ds64.buffer).setBigUint64(8, 6n, true);
    const bytes = riff(
      [chunk('ds64', ds64), chunk('fmt ', fmt(1, 1, 8000, 16)), chunk('data', pcm16([7, 8, 9, 10]), 0xffffffff)],
      'RF64',
    );
    expect((await decodeAll(bytes))[0]?.length).toBe(3);
  });

  it('decodes the complete frames of a file cut short and reports their true length', async () => {
    const full = encodeWav({ sampleRate: 16000, channels: [tone(440, 16000, 1)] });
    const cut = full.subarray(0, 44 + 2 * 8000 + 1); // half a second and one stray byte
    const probe = await probeSource(memorySource(cut), 'wav');
    expect(probe.durationMs).toBe(500);
    const audio = await loadAudio16kFromSource(memorySource(cut));
    expect(audio.mono.length).toBe(8000);
  });

  it('expands A-law and µ-law (G.711)', async () => {
    // 0xD5 / 0xFF are the codes for (near) zero; 0x80 in A-law is the largest positive value.
    const alaw = riff([chunk('fmt ', fmt(6, 1, 8000, 8)), chunk('data', Uint8Array.from([0xd5, 0xaa, 0x2a]))]);
    const [a] = await decodeAll(alaw);
    expect(a?.[0]).toBeCloseTo(8 / 32768, 8);
    expect(a?.[1]).toBeCloseTo(32256 / 32768, 6);
    expect(a?.[2]).toBeCloseTo(-32256 / 32768, 6);
    const mulaw = riff([chunk('fmt ', fmt(7, 1, 8000, 8)), chunk('data', Uint8Array.from([0xff, 0x80, 0x00]))]);
    const [u] = await decodeAll(mulaw);
    expect(u?.[0]).toBe(0);
    expect(u?.[1]).toBeCloseTo(32124 / 32768, 6);
    expect(u?.[2]).toBeCloseTo(-32124 / 32768, 6);
    expect((await probeSource(memorySource(mulaw))).codec).toBe('mulaw');
  });

  it('refuses ADPCM and other codecs with AUDIO_UNSUPPORTED', async () => {
    for (const tag of [0x0002, 0x0011, 0x0055]) {
      const bytes = riff([chunk('fmt ', fmt(tag, 1, 8000, 4)), chunk('data', new Uint8Array(100))]);
      await expectCode(probeSource(memorySource(bytes)), 'AUDIO_UNSUPPORTED');
    }
  });

  it('refuses an EXTENSIBLE header whose sub-format GUID is not a PCM one', async () => {
    const bytes = encodeWav({ sampleRate: 16000, channels: [ramp(10)], extensible: true });
    bytes[46 + 13] = 0x00; // last byte of the GUID (0x71 in every KSDATAFORMAT_SUBTYPE)
    await expectCode(probeSource(memorySource(bytes)), 'AUDIO_UNSUPPORTED');
  });

  it('reports AUDIO_EMPTY for a WAV without samples and for a zero-length file', async () => {
    const empty = encodeWav({ sampleRate: 16000, channels: [new Float32Array(0)] });
    await expectCode(probeSource(memorySource(empty), 'wav'), 'AUDIO_EMPTY');
    await expectCode(loadAudio16kFromSource(memorySource(empty)), 'AUDIO_EMPTY');
    await expectCode(probeSource(memorySource(new Uint8Array(0)), 'wav'), 'AUDIO_EMPTY');
  });

  it('reports AUDIO_CORRUPT for damaged headers', async () => {
    const good = encodeWav({ sampleRate: 16000, channels: [ramp(100)] });
    for (const cut of [4, 11, 20, 36])
      await expectCode(probeSource(memorySource(good.subarray(0, cut)), 'wav'), 'AUDIO_CORRUPT');
    const noData = riff([chunk('fmt ', fmt(1, 1, 16000, 16))]);
    await expectCode(probeSource(memorySource(noData)), 'AUDIO_CORRUPT');
    const badAlign = riff([chunk('fmt ', fmt(1, 2, 16000, 16)), chunk('data', new Uint8Array(8))]);
    new DataView(badAlign.buffer).setUint16(20 + 12, 3, true);
    await expectCode(probeSource(memorySource(badAlign)), 'AUDIO_CORRUPT');
    const zeroChannels = riff([chunk('fmt ', fmt(1, 0, 16000, 16)), chunk('data', new Uint8Array(8))]);
    await expectCode(probeSource(memorySource(zeroChannels)), 'AUDIO_CORRUPT');
  });

  it('reports AUDIO_CORRUPT for random bytes named .wav and NOT_FOUND for a missing file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qc-audio-'));
    try {
      const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
      fs.writeFileSync(path.join(dir, 'noise.wav'), noise);
      await expectCode(probeAudioFile(path.join(dir, 'noise.wav')), 'AUDIO_CORRUPT');
      fs.writeFileSync(path.join(dir, 'noise.bin'), noise);
      await expectCode(probeAudioFile(path.join(dir, 'noise.bin')), 'AUDIO_UNSUPPORTED');
      await expectCode(probeAudioFile(path.join(dir, 'missing.wav')), 'NOT_FOUND');
      await expectCode(probeAudioFile(dir), 'AUDIO_UNSUPPORTED');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes files with writeWav that read back', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qc-audio-'));
    try {
      const file = path.join(dir, 'tone.wav');
      await writeWav(file, { sampleRate: 8000, channels: [tone(300, 8000, 0.5)], encoding: 'float32' });
      expect(await probeAudioFile(file)).toEqual({
        format: 'wav',
        codec: 'pcm_float',
        sampleRate: 8000,
        channels: 1,
        durationMs: 500,
        bitsPerSample: 32,
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('decodePcm16', () => {
  it('splits interleaved little-endian frames into channels', () => {
    const block = decodePcm16(pcm16([100, -100, 32767, -32768]), 48000, 2);
    expect(block.sampleRate).toBe(48000);
    expect(Array.from(block.channels[0] ?? [])).toEqual([100 / 32768, 32767 / 32768]);
    expect(Array.from(block.channels[1] ?? [])).toEqual([-100 / 32768, -1]);
  });

  it('reads unaligned views without copying errors', () => {
    const backing = new Uint8Array(5);
    backing.set(pcm16([256, -256]), 1);
    expect(Array.from(decodePcm16(backing.subarray(1), 16000, 1).channels[0] ?? [])).toEqual([
      256 / 32768,
      -256 / 32768,
    ]);
  });

  it('refuses a partial frame with AUDIO_CORRUPT', () => {
    expect(thrownCode(() => decodePcm16(new Uint8Array(3), 16000, 1))).toBe('AUDIO_CORRUPT');
    expect(thrownCode(() => decodePcm16(new Uint8Array(6), 16000, 2))).toBe('AUDIO_CORRUPT');
  });
});
