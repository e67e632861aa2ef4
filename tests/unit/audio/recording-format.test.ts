import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../store/thrown';
import { downmix } from '../../../main/audio/downmix';
import { decodeChunk, encodeHeader, encodePcm, encodeTrailer } from '../../../main/audio/recording/chunk-codec';
import { createLevelMeter, SILENCE_DBFS } from '../../../main/audio/recording/level-meter';
import {
  acceptPcmChunk,
  decodeInterleaved,
  deinterleave,
  type RecordingFormat,
} from '../../../main/audio/recording/pcm-format';

const mono16: RecordingFormat = { sampleRate: 16_000, channels: 1, format: 's16' };
const stereo32: RecordingFormat = { sampleRate: 48_000, channels: 2, format: 'f32' };
describe('recording PCM format', () => {
  it('accepts whole frames and returns a private copy', () => {
    const bytes = new Uint8Array([1, 0, 2, 0]);
    const copy = acceptPcmChunk(bytes, mono16, 100);
    bytes[0] = 9;
    expect([...copy]).toEqual([1, 0, 2, 0]);
    expect(acceptPcmChunk(new ArrayBuffer(16), stereo32, 100)).toHaveLength(16);
  });

  it.each([
    ['empty', new Uint8Array(0), mono16],
    ['half a 16-bit sample', new Uint8Array(3), mono16],
    ['half a stereo float frame', new Uint8Array(12), stereo32],
    ['too long', new Uint8Array(202), mono16],
    ['not bytes', 'abc', mono16],
    ['a NaN float', new Uint8Array(new Float32Array([0.1, Number.NaN]).buffer), stereo32],
    ['an infinite float', new Uint8Array(new Float32Array([Number.POSITIVE_INFINITY, 0]).buffer), stereo32],
  ])('refuses a chunk that is %s with VALIDATION_FAILED', (_what, bytes, format) => {
    expect(thrownBy(() => acceptPcmChunk(bytes, format, 100))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('decodes little-endian 16-bit and float samples, from any byte offset', () => {
    const raw = Buffer.alloc(7);
    raw.writeInt16LE(-32768, 1);
    raw.writeInt16LE(16384, 3);
    raw.writeInt16LE(32767, 5);
    expect([...decodeInterleaved(raw.subarray(1), 's16')]).toEqual([-1, 0.5, 32767 / 32768]);
    const floats = Buffer.alloc(9);
    floats.writeFloatLE(0.25, 1);
    floats.writeFloatLE(-0.75, 5);
    expect([...decodeInterleaved(floats.subarray(1), 'f32')]).toEqual([0.25, -0.75]);
  });

  it('splits channels and mixes them to mono', () => {
    const channels = deinterleave(new Float32Array([1, 0, 0.5, 0.5, -1, 1]), 2);
    expect(channels.map((c) => [...c])).toEqual([
      [1, 0.5, -1],
      [0, 0.5, 1],
    ]);
    expect([...downmix(channels)]).toEqual([0.5, 0.5, 0]);
  });
});

describe('level meter', () => {
  it('reports RMS and peak in dBFS per block, silence as the floor', () => {
    const meter = createLevelMeter({ blockFrames: 1600, channels: 1 });
    const sine = Float32Array.from({ length: 1600 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / 16_000));
    const [level] = meter.push(sine);
    expect(level?.rmsDbfs).toBeCloseTo(20 * Math.log10(0.5 / Math.SQRT2), 1);
    expect(level?.peakDbfs).toBeCloseTo(20 * Math.log10(0.5), 1);
    expect(level?.atFrame).toBe(1600);
    const [quiet] = meter.push(new Float32Array(1600));
    expect(quiet).toEqual({ rmsDbfs: SILENCE_DBFS, peakDbfs: SILENCE_DBFS, atFrame: 3200 });
  });

  it('property: levels depend on the audio, not on how it was chunked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 400 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 10 }),
        (values, cuts) => {
          const samples = Float32Array.from(values);
          const whole = createLevelMeter({ blockFrames: 16, channels: 2 }).push(samples);
          const meter = createLevelMeter({ blockFrames: 16, channels: 2 });
          const pieces = [];
          // Cut at frame boundaries (two samples), as recording chunks always are.
          for (let at = 0, i = 0; at < samples.length; i += 1) {
            const size = 2 * (cuts[i % cuts.length] ?? 1);
            pieces.push(...meter.push(samples.subarray(at, at + size)));
            at += size;
          }
          expect(pieces).toEqual(whole);
        },
      ),
    );
  });
});

describe('recording chunk codec', () => {
  it('round-trips header, PCM and trailer chunks', () => {
    const header = {
      v: 1 as const,
      encounterId: 'enc-1',
      sampleRate: 16_000,
      channels: 1 as const,
      format: 's16' as const,
      startedAt: '2025-01-01T10:00:00.000Z',
    };
    expect(decodeChunk(encodeHeader(header))).toEqual({ kind: 'header', header });
    const pcm = Buffer.from([1, 2, 3, 4]);
    expect(decodeChunk(encodePcm(2 ** 40, pcm))).toEqual({ kind: 'pcm', startFrame: 2 ** 40, pcm });
    const trailer = {
      v: 1 as const,
      reason: 'recovered' as const,
      stoppedAt: '2025-01-01T10:05:00.000Z',
      frames: 9,
      chunks: 1,
    };
    expect(decodeChunk(encodeTrailer(trailer))).toEqual({ kind: 'trailer', trailer });
  });

  it.each([
    ['an unknown kind', Buffer.from([9, 1, 2])],
    ['an empty chunk', Buffer.alloc(0)],
    ['a header that is not JSON', Buffer.from([1, 0x7b])],
    ['a header with missing fields', Buffer.concat([Buffer.from([1]), Buffer.from('{"v":1}')])],
    ['a short PCM prefix', Buffer.from([2, 0, 0])],
  ])('reports AUDIO_CORRUPT for %s', (_what, plaintext) => {
    expect(thrownBy(() => decodeChunk(plaintext))).toMatchObject({ code: 'AUDIO_CORRUPT' });
  });
});
