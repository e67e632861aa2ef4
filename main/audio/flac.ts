import { AppError } from '../../common/errors';

/** FLAC's STREAMINFO: the facts a probe needs, and where the first audio frame starts. */
export type FlacInfo = {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** 0 when the encoder did not know the length (streamed FLAC). */
  totalSamples: number;
  audioOffset: number;
};

const corrupt = (why: string): AppError => new AppError('AUDIO_CORRUPT', `The FLAC file is damaged: ${why}.`);

/** Parses "fLaC" + metadata blocks starting at `start` (after any ID3v2 tag). `head` must hold them all. */
export const parseFlacHeader = (head: Uint8Array, start: number, fileSize: number): FlacInfo => {
  if (String.fromCharCode(...head.subarray(start, start + 4)) !== 'fLaC') throw corrupt('it has no fLaC marker');
  let position = start + 4;
  let info: Omit<FlacInfo, 'audioOffset'> | undefined;
  for (;;) {
    if (position + 4 > fileSize) throw corrupt('its metadata is cut short');
    if (position + 4 > head.length) throw corrupt('its metadata is too large to read');
    const last = ((head[position] as number) & 0x80) !== 0;
    const type = (head[position] as number) & 0x7f;
    const length =
      ((head[position + 1] as number) << 16) | ((head[position + 2] as number) << 8) | (head[position + 3] as number);
    if (type === 0) {
      if (length < 34 || position + 4 + 34 > head.length) throw corrupt('its STREAMINFO block is cut short');
      const b = head.subarray(position + 4, position + 4 + 34);
      const at = (i: number): number => b[i] as number;
      const sampleRate = (at(10) << 12) | (at(11) << 4) | (at(12) >> 4);
      const channels = ((at(12) >> 1) & 0x07) + 1;
      const bitsPerSample = (((at(12) & 0x01) << 4) | (at(13) >> 4)) + 1;
      const totalSamples =
        (at(13) & 0x0f) * 2 ** 32 + ((at(14) << 24) >>> 0) + ((at(15) << 16) | (at(16) << 8) | at(17));
      if (sampleRate === 0) throw corrupt('it declares a sample rate of zero');
      info = { sampleRate, channels, bitsPerSample, totalSamples };
    } else if (type === 127) {
      throw corrupt('it has an invalid metadata block');
    }
    position += 4 + length;
    if (last) break;
  }
  if (!info) throw corrupt('it has no STREAMINFO block');
  return { ...info, audioOffset: position };
};

const crc8 = (bytes: Uint8Array, from: number, to: number): number => {
  let crc = 0;
  for (let i = from; i < to; i += 1) {
    crc ^= bytes[i] as number;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
};

/** Longest frame header: 2 sync + 2 + 7 coded number + 2 block size + 2 rate + 1 CRC. */
const MAX_HEADER = 16;

/**
 * True when a valid frame header of this stream starts at `at`: sync code, no reserved values, a
 * channel layout matching STREAMINFO, and a matching CRC-8. Undefined when more bytes are needed.
 */
const isFrameStart = (bytes: Uint8Array, at: number, channels: number): boolean | undefined => {
  if (bytes[at] !== 0xff || ((bytes[at + 1] as number) & 0xfe) !== 0xf8) return false;
  if (at + MAX_HEADER > bytes.length) return undefined;
  const blockCode = (bytes[at + 2] as number) >> 4;
  const rateCode = (bytes[at + 2] as number) & 0x0f;
  const channelCode = (bytes[at + 3] as number) >> 4;
  const sizeCode = ((bytes[at + 3] as number) >> 1) & 0x07;
  if (blockCode === 0 || rateCode === 15 || channelCode > 10 || sizeCode === 3 || (bytes[at + 3] as number) & 1)
    return false;
  if ((channelCode < 8 ? channelCode + 1 : 2) !== channels) return false;
  const lead = bytes[at + 4] as number;
  let extra = 0;
  if (lead === 0xff) return false;
  if (lead >= 0xc0) {
    for (let mask = 0x40; lead & mask; mask >>= 1) extra += 1;
  } else if (lead >= 0x80) return false;
  let position = at + 5;
  for (let i = 0; i < extra; i += 1, position += 1) if (((bytes[position] as number) & 0xc0) !== 0x80) return false;
  position += blockCode === 6 ? 1 : blockCode === 7 ? 2 : 0;
  position += rateCode === 12 ? 1 : rateCode === 13 || rateCode === 14 ? 2 : 0;
  return crc8(bytes, at, position) === bytes[position];
};

/**
 * Cuts a FLAC byte stream into whole frames (the first piece carries the metadata too). The chunked
 * decoder inside audio-decode drops frames that straddle two of its input chunks (seen with 4-64 KB
 * chunks), and a damaged frame makes it return nothing for the whole chunk; fed one frame at a time
 * it decodes every sample and loses only the damaged frames.
 */
export const createFlacFrameSplitter = (
  info: Pick<FlacInfo, 'channels' | 'audioOffset'>,
): { push: (chunk: Uint8Array) => Uint8Array[]; end: () => Uint8Array[] } => {
  let pending = new Uint8Array(0);
  let pendingStart = 0; // absolute offset of pending[0]
  let scanned = 0; // absolute offset up to which frame starts were searched
  return {
    push: (chunk) => {
      const joined = new Uint8Array(pending.length + chunk.length);
      joined.set(pending);
      joined.set(chunk, pending.length);
      pending = joined;
      const cuts: number[] = [];
      let i = Math.max(scanned, info.audioOffset + 1) - pendingStart;
      for (; i < pending.length - 1; i += 1) {
        if (pending[i] !== 0xff) continue;
        const start = isFrameStart(pending, i, info.channels);
        if (start === undefined) break;
        if (start) cuts.push(i);
      }
      scanned = pendingStart + i;
      const pieces: Uint8Array[] = [];
      let from = 0;
      for (const cut of cuts) {
        pieces.push(pending.subarray(from, cut));
        from = cut;
      }
      pending = pending.slice(from);
      pendingStart += from;
      return pieces;
    },
    end: () => {
      const last = pending;
      pending = new Uint8Array(0);
      return last.length ? [last] : [];
    },
  };
};
