import { z } from 'zod';
import { AppError } from '../../../common/errors';

/**
 * What the renderer streams: little-endian interleaved PCM, 16-bit integers or 32-bit floats, at a
 * declared rate. The names match the store's `audio_recordings.sample_format` column.
 */
export const recordingFormatSchema = z.object({
  sampleRate: z.number().int().min(8_000).max(192_000),
  channels: z.union([z.literal(1), z.literal(2)]),
  format: z.enum(['s16', 'f32']),
});
export type RecordingFormat = z.infer<typeof recordingFormatSchema>;
export type SampleFormat = RecordingFormat['format'];

export const bytesPerSample = (format: SampleFormat): number => (format === 's16' ? 2 : 4);
export const bytesPerFrame = (f: RecordingFormat): number => bytesPerSample(f.format) * f.channels;
export const framesToMs = (frames: number, sampleRate: number): number => (frames * 1000) / sampleRate;

const invalid = (message: string): AppError => new AppError('VALIDATION_FAILED', message);

/**
 * Checks one chunk from the renderer and returns a private copy of its bytes. Sizes must be whole
 * frames, floats finite; nothing about the recording changes when a chunk is refused.
 */
export const acceptPcmChunk = (bytes: unknown, f: RecordingFormat, maxFrames: number): Buffer => {
  let view: Uint8Array;
  if (bytes instanceof Uint8Array) view = bytes;
  else if (bytes instanceof ArrayBuffer) view = new Uint8Array(bytes);
  else throw invalid('An audio chunk must be bytes.');
  const frameBytes = bytesPerFrame(f);
  if (view.byteLength === 0) throw invalid('An audio chunk is empty.');
  if (view.byteLength % frameBytes !== 0) throw invalid('An audio chunk is not a whole number of frames.');
  if (view.byteLength / frameBytes > maxFrames) throw invalid('An audio chunk is too long.');
  const copy = Buffer.from(view);
  if (f.format === 'f32') {
    for (let at = 0; at < copy.length; at += 4) {
      if (!Number.isFinite(copy.readFloatLE(at))) throw invalid('An audio chunk holds a sample that is not a number.');
    }
  }
  return copy;
};

/** Interleaved samples as floats in [-1, 1) (16-bit) or as sent (float). */
export const decodeInterleaved = (bytes: Uint8Array, format: SampleFormat): Float32Array => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (format === 's16') {
    const out = new Float32Array(bytes.byteLength >> 1);
    for (let i = 0; i < out.length; i += 1) out[i] = view.getInt16(i * 2, true) / 32768;
    return out;
  }
  const out = new Float32Array(bytes.byteLength >> 2);
  for (let i = 0; i < out.length; i += 1) out[i] = view.getFloat32(i * 4, true);
  return out;
};

/** Splits interleaved samples into one array per channel. */
export const deinterleave = (interleaved: Float32Array, channels: number): Float32Array[] => {
  if (channels === 1) return [interleaved];
  const frames = Math.floor(interleaved.length / channels);
  const out = Array.from({ length: channels }, () => new Float32Array(frames));
  for (let i = 0; i < frames; i += 1) {
    for (let c = 0; c < channels; c += 1) {
      const channel = out[c];
      if (channel) channel[i] = interleaved[i * channels + c] ?? 0;
    }
  }
  return out;
};
