import fs from 'node:fs/promises';
import { AppError } from '../../common/errors';

export type WavSampleEncoding = 'pcm8' | 'pcm16' | 'pcm24' | 'pcm32' | 'float32';

export type WavWriteOptions = {
  sampleRate: number;
  /** One array per channel, all the same length, samples in -1..1 (clipped when written as integers). */
  channels: readonly Float32Array[];
  /** Default pcm16. */
  encoding?: WavSampleEncoding;
  /** Write a WAVE_FORMAT_EXTENSIBLE header (what many multichannel and 24-bit writers use). */
  extensible?: boolean;
};

const WIDTH: Record<WavSampleEncoding, number> = { pcm8: 1, pcm16: 2, pcm24: 3, pcm32: 4, float32: 4 };
const SUBFORMAT_TAIL = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

/** Scales to a signed integer of `bits` so that k / 2^(bits-1) round-trips exactly. */
const toInt = (x: number, bits: number): number => {
  const full = 2 ** (bits - 1);
  return Math.max(-full, Math.min(full - 1, Math.round(x * full)));
};

/** Encodes channels as a RIFF/WAVE file in memory. */
export const encodeWav = (options: WavWriteOptions): Uint8Array => {
  const { sampleRate, channels } = options;
  const encoding = options.encoding ?? 'pcm16';
  const frames = channels[0]?.length ?? 0;
  if (channels.length < 1 || channels.some((c) => c.length !== frames)) {
    throw new AppError('VALIDATION_FAILED', 'A WAV needs at least one channel, all of the same length.');
  }
  if (!Number.isInteger(sampleRate) || sampleRate < 1) throw new AppError('VALIDATION_FAILED', 'Bad sample rate.');
  const width = WIDTH[encoding];
  const blockAlign = width * channels.length;
  const dataBytes = frames * blockAlign;
  const fmtBytes = options.extensible ? 40 : encoding === 'float32' ? 18 : 16;
  const headerBytes = 12 + 8 + fmtBytes + 8;
  const out = new Uint8Array(headerBytes + dataBytes + (dataBytes & 1));
  const view = new DataView(out.buffer);
  const text = (at: number, value: string): void => {
    for (let i = 0; i < value.length; i += 1) out[at + i] = value.charCodeAt(i);
  };
  const tag = encoding === 'float32' ? 3 : 1;
  text(0, 'RIFF');
  view.setUint32(4, out.length - 8, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, fmtBytes, true);
  view.setUint16(20, options.extensible ? 0xfffe : tag, true);
  view.setUint16(22, channels.length, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, width * 8, true);
  if (fmtBytes >= 18) view.setUint16(36, fmtBytes - 18, true);
  if (options.extensible) {
    view.setUint16(38, width * 8, true); // valid bits
    view.setUint32(40, channels.length <= 2 ? (1 << channels.length) - 1 : 0, true); // speaker mask
    view.setUint16(44, tag, true);
    SUBFORMAT_TAIL.forEach((b, i) => (out[46 + i] = b));
  }
  text(headerBytes - 8, 'data');
  view.setUint32(headerBytes - 4, dataBytes, true);
  let at = headerBytes;
  for (let i = 0; i < frames; i += 1) {
    for (const channel of channels) {
      const x = channel[i] as number;
      switch (encoding) {
        case 'pcm8':
          out[at] = toInt(x, 8) + 128;
          break;
        case 'pcm16':
          view.setInt16(at, toInt(x, 16), true);
          break;
        case 'pcm24': {
          const v = toInt(x, 24);
          out[at] = v & 0xff;
          out[at + 1] = (v >> 8) & 0xff;
          out[at + 2] = (v >> 16) & 0xff;
          break;
        }
        case 'pcm32':
          view.setInt32(at, toInt(x, 32), true);
          break;
        case 'float32':
          view.setFloat32(at, x, true);
          break;
      }
      at += width;
    }
  }
  return out;
};

/** Writes channels to a WAV file (16-bit PCM unless told otherwise). */
export const writeWav = async (path: string, options: WavWriteOptions): Promise<void> => {
  await fs.writeFile(path, encodeWav(options));
};
