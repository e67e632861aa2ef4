import { AppError } from '../../common/errors';
import type { ByteSource } from './types';

/** How the samples in a WAV data chunk are stored. */
export type WavEncoding = 'pcm_s' | 'pcm_u8' | 'pcm_float' | 'alaw' | 'mulaw';

export type WavInfo = {
  encoding: WavEncoding;
  sampleRate: number;
  channels: number;
  /** Container width of one sample (24-bit audio in 32-bit containers reads as 32). */
  bitsPerSample: number;
  blockAlign: number;
  dataOffset: number;
  /** Complete frames present in the file (fewer than declared when the file was cut short). */
  frames: number;
  /** The data chunk declared more bytes than the file holds. */
  truncated: boolean;
};

const FORMAT_PCM = 0x0001;
const FORMAT_FLOAT = 0x0003;
const FORMAT_ALAW = 0x0006;
const FORMAT_MULAW = 0x0007;
const FORMAT_EXTENSIBLE = 0xfffe;
/** KSDATAFORMAT_SUBTYPE_* GUIDs share these bytes after the two-byte format tag. */
const SUBFORMAT_TAIL = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];
/** Streaming writers leave the size at 0 or 0xFFFFFFFF when they cannot seek back to fill it in. */
const UNKNOWN_SIZE = 0xffffffff;
const MAX_CHUNKS = 10_000;

const ascii = (bytes: Uint8Array, at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
const corrupt = (why: string): AppError => new AppError('AUDIO_CORRUPT', `The WAV file is damaged: ${why}.`);

type Format = { tag: number; channels: number; sampleRate: number; blockAlign: number; bits: number };

const readFormat = (body: Uint8Array): Format => {
  if (body.length < 16) throw corrupt('its format chunk is too short');
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let tag = view.getUint16(0, true);
  if (tag === FORMAT_EXTENSIBLE) {
    if (body.length < 40) throw corrupt('its extensible format chunk is too short');
    const guid = body.subarray(24, 40);
    if (!SUBFORMAT_TAIL.every((b, i) => guid[i + 2] === b)) {
      throw new AppError('AUDIO_UNSUPPORTED', 'This WAV sub-format is not supported (not a PCM/float/G.711 GUID).');
    }
    tag = view.getUint16(24, true);
  }
  return {
    tag,
    channels: view.getUint16(2, true),
    sampleRate: view.getUint32(4, true),
    blockAlign: view.getUint16(12, true),
    bits: view.getUint16(14, true),
  };
};

const encodingOf = (format: Format): WavEncoding => {
  const { tag, bits } = format;
  const unsupported = (): AppError =>
    new AppError(
      'AUDIO_UNSUPPORTED',
      `WAV format 0x${tag.toString(16).padStart(4, '0')} with ${bits}-bit samples is not supported (use PCM, float or G.711).`,
    );
  switch (tag) {
    case FORMAT_PCM:
      if (bits >= 1 && bits <= 8) return 'pcm_u8';
      if (bits > 8 && bits <= 32) return 'pcm_s';
      throw unsupported();
    case FORMAT_FLOAT:
      if (bits === 32 || bits === 64) return 'pcm_float';
      throw unsupported();
    case FORMAT_ALAW:
      if (bits === 8) return 'alaw';
      throw unsupported();
    case FORMAT_MULAW:
      if (bits === 8) return 'mulaw';
      throw unsupported();
    default:
      throw unsupported();
  }
};

/**
 * Walks the RIFF chunks of a WAV (or RF64) file to its format and data. Unknown chunks are skipped
 * (with RIFF's pad byte after odd sizes); a data size of 0 or 0xFFFFFFFF means "to the end of the
 * file"; a data chunk cut short keeps its complete frames (a recorder that crashed still left audio).
 */
export const readWavHeader = async (source: ByteSource): Promise<WavInfo> => {
  const head = await source.read(0, 12);
  if (head.length < 12) throw corrupt('its header is cut short');
  const riff = ascii(head, 0);
  if ((riff !== 'RIFF' && riff !== 'RF64') || ascii(head, 8) !== 'WAVE') throw corrupt('it has no RIFF/WAVE header');
  let ds64DataSize: number | undefined;
  let format: Format | undefined;
  let data: { offset: number; declared: number } | undefined;
  let position = 12;
  for (let chunk = 0; chunk < MAX_CHUNKS && position + 8 <= source.size; chunk += 1) {
    const header = await source.read(position, 8);
    const view = new DataView(header.buffer, header.byteOffset, 8);
    const id = ascii(header, 0);
    const size = view.getUint32(4, true);
    const body = position + 8;
    if (id === 'ds64' && riff === 'RF64') {
      const ds64 = await source.read(body, 16);
      if (ds64.length < 16) throw corrupt('its ds64 chunk is cut short');
      ds64DataSize = Number(new DataView(ds64.buffer, ds64.byteOffset, 16).getBigUint64(8, true));
    } else if (id === 'fmt ') {
      format = readFormat(await source.read(body, Math.min(size, 64)));
    } else if (id === 'data') {
      const declared = riff === 'RF64' && size === UNKNOWN_SIZE && ds64DataSize !== undefined ? ds64DataSize : size;
      data = { offset: body, declared: declared === 0 || declared === UNKNOWN_SIZE ? Infinity : declared };
      // A data chunk of unknown or truncated length runs to the end of the file: nothing follows it.
      if (format || body + data.declared >= source.size) break;
    }
    position = body + size + (size & 1);
  }
  if (!format) throw corrupt('it has no format chunk');
  if (!data) throw corrupt('it has no data chunk');
  const encoding = encodingOf(format);
  const bytesPerSample = Math.ceil(format.bits / 8);
  if (format.channels < 1) throw corrupt('it declares zero channels');
  if (format.sampleRate < 1000 || format.sampleRate > 768_000) {
    throw new AppError('AUDIO_UNSUPPORTED', `A sample rate of ${format.sampleRate} Hz is not supported.`);
  }
  if (format.blockAlign !== bytesPerSample * format.channels) throw corrupt('its block size does not match its format');
  const available = Math.max(0, source.size - data.offset);
  const bytes = Math.min(available, data.declared);
  return {
    encoding,
    sampleRate: format.sampleRate,
    channels: format.channels,
    bitsPerSample: bytesPerSample * 8,
    blockAlign: format.blockAlign,
    dataOffset: data.offset,
    frames: Math.floor(bytes / format.blockAlign),
    truncated: Number.isFinite(data.declared) && data.declared > available,
  };
};
