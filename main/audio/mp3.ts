import { AppError } from '../../common/errors';
import type { ByteSource } from './types';

/** One MPEG audio frame header (layers I-III, MPEG 1/2/2.5). */
export type Mp3Frame = { sampleRate: number; channels: number; samples: number; length: number; sideInfo: number };

const BITRATES_KBPS: Record<string, readonly number[]> = {
  '1-1': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  '1-2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  '1-3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2-1': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  '2-2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  '2-3': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const RATES = [44100, 48000, 32000];

/** Parses the 4-byte header at `at`, or undefined if those bytes are not a (non-free-format) frame header. */
export const parseMp3Frame = (bytes: Uint8Array, at: number): Mp3Frame | undefined => {
  if (at + 4 > bytes.length || bytes[at] !== 0xff) return undefined;
  const b1 = bytes[at + 1] as number;
  const b2 = bytes[at + 2] as number;
  const b3 = bytes[at + 3] as number;
  if ((b1 & 0xe0) !== 0xe0) return undefined;
  const versionBits = (b1 >> 3) & 3; // 0: MPEG 2.5, 2: MPEG 2, 3: MPEG 1
  const layer = 4 - ((b1 >> 1) & 3); // 1, 2, 3 (4 = reserved)
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (versionBits === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
    return undefined;
  if ((b3 & 3) === 2) return undefined; // reserved emphasis
  const mpeg1 = versionBits === 3;
  const bitrate = (BITRATES_KBPS[`${mpeg1 ? 1 : 2}-${layer}`]?.[bitrateIndex] ?? 0) * 1000;
  const sampleRate = (RATES[rateIndex] ?? 0) / (mpeg1 ? 1 : versionBits === 2 ? 2 : 4);
  const padding = (b2 >> 1) & 1;
  const channels = b3 >> 6 === 3 ? 1 : 2;
  const samples = layer === 1 ? 384 : layer === 2 || mpeg1 ? 1152 : 576;
  const length =
    layer === 1
      ? (Math.floor((12 * bitrate) / sampleRate) + padding) * 4
      : Math.floor(((samples / 8) * bitrate) / sampleRate) + padding;
  const sideInfo = layer !== 3 ? 0 : mpeg1 ? (channels === 1 ? 17 : 32) : channels === 1 ? 9 : 17;
  return { sampleRate, channels, samples, length, sideInfo };
};

/** Size of an ID3v2 tag at `at` (0 if none). */
export const id3v2Size = (bytes: Uint8Array, at = 0): number => {
  if (bytes[at] !== 0x49 || bytes[at + 1] !== 0x44 || bytes[at + 2] !== 0x33 || at + 10 > bytes.length) return 0;
  const size = bytes.subarray(at + 6, at + 10).reduce((sum, b) => sum * 128 + (b & 0x7f), 0);
  return 10 + size + ((bytes[at + 5] as number) & 0x10 ? 10 : 0);
};

/** The first frame in `bytes` from `from` whose successor is also a frame (or that ends the data). */
export const findFirstMp3Frame = (bytes: Uint8Array, from: number, limit: number): number | undefined => {
  const end = Math.min(bytes.length - 3, from + limit);
  for (let at = from; at < end; at += 1) {
    const frame = parseMp3Frame(bytes, at);
    if (!frame) continue;
    const next = at + frame.length;
    if (next >= bytes.length || parseMp3Frame(bytes, next)) return at;
  }
  return undefined;
};

type VbrInfo = { frames: number; delay: number; padding: number };

const u32be = (bytes: Uint8Array, at: number): number =>
  (((bytes[at] as number) << 24) |
    ((bytes[at + 1] as number) << 16) |
    ((bytes[at + 2] as number) << 8) |
    (bytes[at + 3] as number)) >>>
  0;

/** Xing/Info (with LAME's gapless delay and padding) or VBRI header inside the first frame. */
const readVbrHeader = (bytes: Uint8Array, at: number, frame: Mp3Frame): VbrInfo | undefined => {
  const xing = at + 4 + frame.sideInfo;
  const tag = String.fromCharCode(...bytes.subarray(xing, xing + 4));
  if (tag === 'Xing' || tag === 'Info') {
    const flags = u32be(bytes, xing + 4);
    if (!(flags & 1)) return undefined;
    const frames = u32be(bytes, xing + 8);
    const lame = xing + 8 + 4 + (flags & 2 ? 4 : 0) + (flags & 4 ? 100 : 0) + (flags & 8 ? 4 : 0);
    let delay = 0;
    let padding = 0;
    // LAME's extension (also written by ffmpeg as "Lavc...") starts with a four-letter encoder name.
    if (/^[A-Za-z]{4}$/.test(String.fromCharCode(...bytes.subarray(lame, lame + 4))) && lame + 24 <= bytes.length) {
      const d = lame + 21;
      delay = ((bytes[d] as number) << 4) | ((bytes[d + 1] as number) >> 4);
      padding = (((bytes[d + 1] as number) & 0x0f) << 8) | (bytes[d + 2] as number);
    }
    return { frames, delay, padding };
  }
  const vbri = at + 4 + 32;
  if (String.fromCharCode(...bytes.subarray(vbri, vbri + 4)) === 'VBRI') {
    return { frames: u32be(bytes, vbri + 14), delay: 0, padding: 0 };
  }
  return undefined;
};

export type Mp3Info = { sampleRate: number; channels: number; totalSamples: number };

const SCAN_BLOCK = 1 << 20;

/**
 * Length from the Xing/Info/VBRI header when there is one (gapless: minus LAME's encoder delay and
 * padding, as the decoder trims them), otherwise by walking every frame header in the file.
 */
export const readMp3Info = async (source: ByteSource, head: Uint8Array): Promise<Mp3Info> => {
  const tag = id3v2Size(head);
  const first = findFirstMp3Frame(head, tag, 64 * 1024);
  const frame = first === undefined ? undefined : parseMp3Frame(head, first);
  if (first === undefined || !frame) throw new AppError('AUDIO_CORRUPT', 'The MP3 file has no readable audio frames.');
  const vbr = readVbrHeader(head, first, frame);
  if (vbr && vbr.frames > 0) {
    const totalSamples = Math.max(0, vbr.frames * frame.samples - vbr.delay - vbr.padding);
    return { sampleRate: frame.sampleRate, channels: frame.channels, totalSamples };
  }
  let frames = 0;
  let position = first;
  while (position < source.size) {
    const block = await source.read(position, SCAN_BLOCK);
    let at = 0;
    while (at + 4 <= block.length) {
      const next = parseMp3Frame(block, at);
      if (next && next.sampleRate === frame.sampleRate) {
        frames += 1;
        at += next.length;
      } else at += 1; // resync past junk or a trailing tag
    }
    if (block.length < 4) break;
    position += at;
  }
  return { sampleRate: frame.sampleRate, channels: frame.channels, totalSamples: frames * frame.samples };
};
