import { AppError } from '../../common/errors';
import type { ByteSource } from './types';

export type OggInfo = { codec: 'opus' | 'vorbis'; sampleRate: number; channels: number; totalSamples: number };

type Page = { granule: number; serial: number; headerLength: number; bodyLength: number };

const corrupt = (why: string): AppError => new AppError('AUDIO_CORRUPT', `The Ogg file is damaged: ${why}.`);

const isCapture = (bytes: Uint8Array, at: number): boolean =>
  bytes[at] === 0x4f &&
  bytes[at + 1] === 0x67 &&
  bytes[at + 2] === 0x67 &&
  bytes[at + 3] === 0x53 &&
  bytes[at + 4] === 0;

/** Parses the page header at `at` ("OggS", version 0, segment table), or undefined if incomplete. */
const readPage = (bytes: Uint8Array, at: number): Page | undefined => {
  if (!isCapture(bytes, at) || at + 27 > bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, 27);
  const segments = bytes[at + 26] as number;
  if (at + 27 + segments > bytes.length) return undefined;
  let bodyLength = 0;
  for (let i = 0; i < segments; i += 1) bodyLength += bytes[at + 27 + i] as number;
  const low = view.getUint32(6, true);
  const high = view.getInt32(10, true);
  return { granule: high * 2 ** 32 + low, serial: view.getUint32(14, true), headerLength: 27 + segments, bodyLength };
};

/** The largest granule position on the stream's last pages: the sample count at the end. */
const lastGranule = async (source: ByteSource, serial: number): Promise<number> => {
  const tailStart = Math.max(0, source.size - 128 * 1024);
  const tail = await source.read(tailStart, source.size - tailStart);
  let best = -1;
  for (let at = 0; at + 27 <= tail.length; at += 1) {
    if (!isCapture(tail, at)) continue;
    const page = readPage(tail, at);
    // Only a page that is all there counts: a cut-off last page is not decoded either.
    const complete = page !== undefined && at + page.headerLength + page.bodyLength <= tail.length;
    if (complete && page.serial === serial && page.granule >= 0) best = Math.max(best, page.granule);
  }
  return best;
};

/** Reads the identification header of the first logical stream and the length from the last page. */
export const readOggInfo = async (source: ByteSource, head: Uint8Array): Promise<OggInfo> => {
  const first = readPage(head, 0);
  if (!first) throw corrupt('its first page is cut short');
  const body = head.subarray(first.headerLength, first.headerLength + first.bodyLength);
  if (body.length < first.bodyLength) throw corrupt('its first page is cut short');
  const text = (from: number, to: number): string => String.fromCharCode(...body.subarray(from, to));
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const granule = await lastGranule(source, first.serial);
  if (text(0, 8) === 'OpusHead' && body.length >= 19) {
    const channels = body[9] as number;
    const preSkip = view.getUint16(10, true);
    if (channels < 1) throw corrupt('it declares zero channels');
    // Opus always decodes at 48 kHz; granule positions count 48 kHz samples including the pre-skip.
    return { codec: 'opus', sampleRate: 48000, channels, totalSamples: Math.max(0, granule - preSkip) };
  }
  if (text(0, 7) === '\u0001vorbis' && body.length >= 16) {
    const channels = body[11] as number;
    const sampleRate = view.getUint32(12, true);
    if (channels < 1 || sampleRate < 1) throw corrupt('its Vorbis header is invalid');
    return { codec: 'vorbis', sampleRate, channels, totalSamples: Math.max(0, granule) };
  }
  throw new AppError('AUDIO_UNSUPPORTED', 'This Ogg file does not hold Opus or Vorbis audio.');
};
