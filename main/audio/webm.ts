import { AppError } from '../../common/errors';
import type { ByteSource } from './types';

export type WebmInfo = {
  codec: 'opus' | 'vorbis';
  sampleRate: number;
  channels: number;
  /** From the Info element; undefined when the writer never knew it (MediaRecorder, live streams). */
  durationMs: number | undefined;
};

const ID = {
  ebml: 0x1a45dfa3,
  docType: 0x4282,
  segment: 0x18538067,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackType: 0x83,
  codecId: 0x86,
  audio: 0xe1,
  samplingFrequency: 0xb5,
  channels: 0x9f,
  cluster: 0x1f43b675,
} as const;

const MAX_ELEMENT = 4 << 20; // Info and Tracks are small; anything larger is not a real header
const corrupt = (why: string): AppError => new AppError('AUDIO_CORRUPT', `The WebM file is damaged: ${why}.`);

type Element = { id: number; size: number | undefined; body: number };

/** Reads an element header (ID keeps its marker bits; size drops them; all-ones size = unknown). */
const readElement = (bytes: Uint8Array, at: number): Element | undefined => {
  const first = bytes[at];
  if (first === undefined || first === 0) return undefined;
  const idLength = Math.clz32(first) - 23;
  if (idLength > 4 || at + idLength >= bytes.length) return undefined;
  let id = 0;
  for (let i = 0; i < idLength; i += 1) id = id * 256 + (bytes[at + i] as number);
  const sizeFirst = bytes[at + idLength] as number;
  if (sizeFirst === 0) return undefined;
  const sizeLength = Math.clz32(sizeFirst) - 23;
  if (at + idLength + sizeLength > bytes.length) return undefined;
  let size = sizeFirst & (0xff >> sizeLength);
  let allOnes = size === 0xff >> sizeLength;
  for (let i = 1; i < sizeLength; i += 1) {
    const b = bytes[at + idLength + i] as number;
    size = size * 256 + b;
    allOnes &&= b === 0xff;
  }
  return { id, size: allOnes ? undefined : size, body: at + idLength + sizeLength };
};

const children = (bytes: Uint8Array): Element[] => {
  const out: Element[] = [];
  for (let at = 0; at < bytes.length;) {
    const element = readElement(bytes, at);
    if (!element || element.size === undefined) break;
    out.push(element);
    at = element.body + element.size;
  }
  return out;
};

const uint = (bytes: Uint8Array, e: Element): number =>
  bytes.subarray(e.body, e.body + (e.size ?? 0)).reduce((sum, b) => sum * 256 + b, 0);
const float = (bytes: Uint8Array, e: Element): number => {
  const view = new DataView(bytes.buffer, bytes.byteOffset + e.body, e.size ?? 0);
  return e.size === 4 ? view.getFloat32(0) : e.size === 8 ? view.getFloat64(0) : NaN;
};
const text = (bytes: Uint8Array, e: Element): string =>
  String.fromCharCode(...bytes.subarray(e.body, e.body + (e.size ?? 0))).replace(/\0+$/, '');

type Track = { codecId: string; sampleRate: number; channels: number };

const readAudioTrack = (tracks: Uint8Array): Track | undefined => {
  for (const entry of children(tracks).filter((e) => e.id === ID.trackEntry)) {
    const body = tracks.subarray(entry.body, entry.body + (entry.size ?? 0));
    const fields = children(body);
    const type = fields.find((e) => e.id === ID.trackType);
    if (!type || uint(body, type) !== 2) continue;
    const codec = fields.find((e) => e.id === ID.codecId);
    const audio = fields.find((e) => e.id === ID.audio);
    const audioBody = audio ? body.subarray(audio.body, audio.body + (audio.size ?? 0)) : new Uint8Array(0);
    const audioFields = children(audioBody);
    const rate = audioFields.find((e) => e.id === ID.samplingFrequency);
    const channels = audioFields.find((e) => e.id === ID.channels);
    return {
      codecId: codec ? text(body, codec) : '',
      sampleRate: rate ? float(audioBody, rate) : 8000,
      channels: channels ? uint(audioBody, channels) : 1,
    };
  }
  return undefined;
};

/** Walks the EBML header and the Segment's children up to the first Cluster. */
export const readWebmInfo = async (source: ByteSource): Promise<WebmInfo> => {
  const header = await source.read(0, 64);
  const ebml = readElement(header, 0);
  if (ebml?.id !== ID.ebml || ebml.size === undefined) throw corrupt('it has no EBML header');
  const ebmlBody = (await source.read(ebml.body, Math.min(ebml.size, 1024))).slice();
  if (ebmlBody.length < Math.min(ebml.size, 1024)) throw corrupt('its EBML header is cut short');
  const docType = children(ebmlBody).find((e) => e.id === ID.docType);
  const doc = docType ? text(ebmlBody, docType) : '';
  if (doc !== 'webm' && doc !== 'matroska') throw new AppError('AUDIO_UNSUPPORTED', 'This EBML file is not WebM.');
  let position = ebml.body + ebml.size;
  const segmentHeader = await source.read(position, 16);
  const segment = readElement(segmentHeader, 0);
  if (segment?.id !== ID.segment) throw corrupt('it has no Segment');
  position += segment.body;
  let track: Track | undefined;
  let durationMs: number | undefined;
  while (position < source.size && !track) {
    const element = readElement(await source.read(position, 16), 0);
    if (!element || element.id === ID.cluster) break;
    if (element.size === undefined) throw corrupt('a header element has no size');
    if (element.id === ID.info || element.id === ID.tracks) {
      if (element.size > MAX_ELEMENT) throw corrupt('a header element is implausibly large');
      const body = (await source.read(position + element.body, element.size)).slice();
      if (body.length < element.size) throw corrupt('a header element is cut short');
      if (element.id === ID.tracks) track = readAudioTrack(body);
      else {
        const fields = children(body);
        const scale = fields.find((e) => e.id === ID.timecodeScale);
        const duration = fields.find((e) => e.id === ID.duration);
        const nanosPerTick = scale ? uint(body, scale) : 1_000_000;
        if (duration) durationMs = (float(body, duration) * nanosPerTick) / 1e6;
      }
    }
    position += element.body + element.size;
  }
  if (!track) throw corrupt('it has no audio track');
  const codec = track.codecId === 'A_OPUS' ? 'opus' : track.codecId === 'A_VORBIS' ? 'vorbis' : undefined;
  if (!codec) throw new AppError('AUDIO_UNSUPPORTED', 'This WebM audio codec is not supported (use Opus or Vorbis).');
  if (track.channels < 1) throw corrupt('it declares zero channels');
  return {
    codec,
    sampleRate: codec === 'opus' ? 48000 : Math.round(track.sampleRate),
    channels: track.channels,
    durationMs: durationMs !== undefined && Number.isFinite(durationMs) && durationMs > 0 ? durationMs : undefined,
  };
};
