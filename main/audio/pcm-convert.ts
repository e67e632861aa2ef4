import { AppError } from '../../common/errors';
import { alawTable, mulawTable } from './g711';
import type { NativeBlock } from './types';
import type { WavEncoding } from './wav-header';

export type PcmLayout = { encoding: WavEncoding; bitsPerSample: number; channels: number };

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A typed-array view needs its byte offset aligned to the element size; copy when it is not. */
const typedView = <T>(
  make: (buffer: ArrayBuffer, byteOffset: number, length: number) => T,
  bytes: Uint8Array,
  size: number,
): T => {
  const source = bytes.byteOffset % size === 0 && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
  return make(source.buffer as ArrayBuffer, source.byteOffset, source.length / size);
};

const split = (channels: number, frames: number): Float32Array[] =>
  Array.from({ length: channels }, () => new Float32Array(frames));

/** Copies channel c of interleaved values into out[c], scaled. */
const deinterleaveTyped = (values: ArrayLike<number>, out: Float32Array[], scale: number, offset = 0): void => {
  const channels = out.length;
  for (let c = 0; c < channels; c += 1) {
    const channel = out[c] as Float32Array;
    for (let i = 0, j = c; i < channel.length; i += 1, j += channels)
      channel[i] = ((values[j] as number) - offset) * scale;
  }
};

const deinterleaveTable = (bytes: Uint8Array, out: Float32Array[], lookup: Float32Array): void => {
  const channels = out.length;
  for (let c = 0; c < channels; c += 1) {
    const channel = out[c] as Float32Array;
    for (let i = 0, j = c; i < channel.length; i += 1, j += channels) channel[i] = lookup[bytes[j] as number] as number;
  }
};

/** Any width in little-endian order, sample by sample: the portable (and slower) path. */
const deinterleaveGeneric = (bytes: Uint8Array, out: Float32Array[], width: number, float: boolean): void => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const channels = out.length;
  const scale = 1 / 2 ** (width * 8 - 1);
  for (let c = 0; c < channels; c += 1) {
    const channel = out[c] as Float32Array;
    for (let i = 0, at = c * width; i < channel.length; i += 1, at += channels * width) {
      if (float) channel[i] = width === 4 ? view.getFloat32(at, true) : view.getFloat64(at, true);
      else if (width === 2) channel[i] = view.getInt16(at, true) * scale;
      else if (width === 4) channel[i] = view.getInt32(at, true) * scale;
      else channel[i] = ((view.getUint16(at, true) | (view.getInt8(at + 2) << 16)) >> 0) * scale;
    }
  }
};

const deinterleave24 = (bytes: Uint8Array, out: Float32Array[]): void => {
  const channels = out.length;
  const scale = 1 / 8388608;
  for (let c = 0; c < channels; c += 1) {
    const channel = out[c] as Float32Array;
    for (let i = 0, at = c * 3; i < channel.length; i += 1, at += channels * 3) {
      // Shift the top byte into the sign bit and back down to sign-extend the 24-bit value.
      const value =
        (((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16)) << 8) >> 8;
      channel[i] = value * scale;
    }
  }
};

/** Turns whole interleaved frames into one Float32Array per channel, in -1..1. */
export const deinterleavePcm = (bytes: Uint8Array, layout: PcmLayout): Float32Array[] => {
  const width = layout.bitsPerSample / 8;
  const frameBytes = width * layout.channels;
  const out = split(layout.channels, Math.floor(bytes.length / frameBytes));
  const whole = bytes.subarray(0, out[0] ? out[0].length * frameBytes : 0);
  switch (layout.encoding) {
    case 'pcm_u8':
      deinterleaveTyped(whole, out, 1 / 128, 128);
      return out;
    case 'alaw':
      deinterleaveTable(whole, out, alawTable());
      return out;
    case 'mulaw':
      deinterleaveTable(whole, out, mulawTable());
      return out;
    case 'pcm_float':
    case 'pcm_s': {
      const float = layout.encoding === 'pcm_float';
      if (!float && width === 3) deinterleave24(whole, out);
      else if (!LITTLE_ENDIAN_HOST) deinterleaveGeneric(whole, out, width, float);
      else {
        const typed = nativeView(whole, width, float);
        deinterleaveTyped(typed.values, out, typed.scale);
      }
      return out;
    }
  }
};

/** Zero-copy views (when aligned) for the widths the host can read natively. */
const nativeView = (bytes: Uint8Array, width: number, float: boolean): { values: ArrayLike<number>; scale: number } => {
  if (float && width === 4) return { values: typedView((b, o, n) => new Float32Array(b, o, n), bytes, 4), scale: 1 };
  if (float && width === 8) return { values: typedView((b, o, n) => new Float64Array(b, o, n), bytes, 8), scale: 1 };
  if (width === 2) return { values: typedView((b, o, n) => new Int16Array(b, o, n), bytes, 2), scale: 1 / 32768 };
  if (width === 4) return { values: typedView((b, o, n) => new Int32Array(b, o, n), bytes, 4), scale: 1 / 2 ** 31 };
  throw new AppError('AUDIO_UNSUPPORTED', `${width * 8}-bit samples are not supported.`);
};

/**
 * Raw little-endian signed 16-bit PCM (what the recorder stores in its chunks) to float channels.
 * The byte count must be whole frames: a chunk with a partial frame is damaged, not short.
 */
export const decodePcm16 = (bytes: Uint8Array, sampleRate: number, channels: number): NativeBlock => {
  if (!Number.isInteger(channels) || channels < 1) throw new AppError('VALIDATION_FAILED', 'channels must be >= 1.');
  if (!(sampleRate > 0)) throw new AppError('VALIDATION_FAILED', 'sampleRate must be > 0.');
  if (bytes.length % (2 * channels) !== 0) {
    throw new AppError('AUDIO_CORRUPT', 'The PCM data does not hold a whole number of 16-bit frames.');
  }
  return { sampleRate, channels: deinterleavePcm(bytes, { encoding: 'pcm_s', bitsPerSample: 16, channels }) };
};
