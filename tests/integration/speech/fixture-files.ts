import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';

/** tests/fixtures/models: generated Whisper fixtures (scripts/whisper, `npm run fixtures:whisper -- --committed`). */
export const MODELS_DIR = path.resolve(import.meta.dirname, '../../fixtures/models');
export const RANDOM_MODEL = 'whisper-tiny-random';
export const ORACLE_MODEL = 'whisper-oracle';

/** ../shared beside the checkout (read-only in CI); tests that need it skip when it is absent. */
export const JFK_WAV = path.resolve(import.meta.dirname, '../../../../shared/audio/jfk/jfk.wav');
export const HAS_JFK = existsSync(JFK_WAV);

export const readJsonFile = <T>(schema: z.ZodType<T>, ...parts: string[]): T =>
  schema.parse(JSON.parse(readFileSync(path.join(MODELS_DIR, ...parts), 'utf8')));

/** Reads a 16 kHz mono WAV (16-bit PCM or 32-bit float) into float32 samples in [-1, 1]. */
export const readWav16kMono = (file: string): Float32Array => {
  const bytes = readFileSync(file);
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE')
    throw new Error('not a WAV file');
  let format: { tag: number; channels: number; rate: number; bits: number } | undefined;
  for (let offset = 12; offset + 8 <= bytes.length;) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = bytes.subarray(offset + 8, offset + 8 + size);
    if (id === 'fmt ')
      format = {
        tag: body.readUInt16LE(0),
        channels: body.readUInt16LE(2),
        rate: body.readUInt32LE(4),
        bits: body.readUInt16LE(14),
      };
    if (id === 'data') {
      if (format?.channels !== 1 || format.rate !== 16000) throw new Error('expected 16 kHz mono');
      if (format.tag === 1 && format.bits === 16)
        return Float32Array.from({ length: body.length >> 1 }, (_, i) => body.readInt16LE(i * 2) / 32768);
      if (format.tag === 3 && format.bits === 32)
        return Float32Array.from({ length: body.length >> 2 }, (_, i) => body.readFloatLE(i * 4));
      throw new Error('unsupported WAV sample format');
    }
    offset += 8 + size + (size & 1);
  }
  throw new Error('WAV file has no data chunk');
};
