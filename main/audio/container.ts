import { AppError } from '../../common/errors';
import { parseFlacHeader, type FlacInfo } from './flac';
import { id3v2Size, readMp3Info } from './mp3';
import { readOggInfo } from './ogg';
import { HEAD_BYTES, sniffFormat } from './sniff';
import type { AudioCodec, AudioFormat, ByteSource } from './types';
import { readWavHeader, type WavInfo } from './wav-header';
import { readWebmInfo } from './webm';

/** The audio-decode chunked decoder that reads a compressed stream. */
export type DecoderName = 'mp3' | 'flac' | 'opus' | 'oga' | 'webm';

/** What the headers say about a file, and how to decode it. */
export type Container = {
  format: AudioFormat;
  codec: AudioCodec;
  sampleRate: number;
  channels: number;
  bitsPerSample?: number;
  /** Samples per channel at sampleRate; undefined when no header says (then only decoding can tell). */
  totalSamples: number | undefined;
} & ({ kind: 'wav'; wav: WavInfo } | { kind: 'compressed'; decoder: DecoderName; flac?: FlacInfo });

const MAX_FLAC_METADATA = 16 << 20;

const readFlac = async (source: ByteSource, head: Uint8Array): Promise<Container> => {
  const start = id3v2Size(head);
  let info: FlacInfo;
  try {
    info = parseFlacHeader(head, start, source.size);
  } catch (error) {
    // Cover art can push the metadata past the first read; try once more with a larger window.
    if (head.length >= source.size) throw error;
    info = parseFlacHeader(await source.read(0, MAX_FLAC_METADATA), start, source.size);
  }
  return {
    kind: 'compressed',
    decoder: 'flac',
    flac: info,
    format: 'flac',
    codec: 'flac',
    sampleRate: info.sampleRate,
    channels: info.channels,
    bitsPerSample: info.bitsPerSample,
    totalSamples: info.totalSamples > 0 ? info.totalSamples : undefined,
  };
};

/** Sniffs the format and reads its headers. Throws AUDIO_EMPTY when a header says there are no samples. */
export const openContainer = async (source: ByteSource, claimed?: AudioFormat): Promise<Container> => {
  const head = await source.read(0, HEAD_BYTES);
  const format = sniffFormat(head, source.size, claimed);
  const container = await readHeaders(source, head, format);
  if (container.totalSamples === 0) throw new AppError('AUDIO_EMPTY', 'The audio file holds no samples.');
  return container;
};

const readHeaders = async (source: ByteSource, head: Uint8Array, format: AudioFormat): Promise<Container> => {
  switch (format) {
    case 'wav': {
      const wav = await readWavHeader(source);
      return {
        kind: 'wav',
        wav,
        format,
        codec: wav.encoding,
        sampleRate: wav.sampleRate,
        channels: wav.channels,
        bitsPerSample: wav.bitsPerSample,
        totalSamples: wav.frames,
      };
    }
    case 'mp3': {
      const info = await readMp3Info(source, head);
      return { kind: 'compressed', decoder: 'mp3', format, codec: 'mp3', ...info };
    }
    case 'ogg': {
      const info = await readOggInfo(source, head);
      return {
        kind: 'compressed',
        decoder: info.codec === 'opus' ? 'opus' : 'oga',
        format,
        codec: info.codec,
        sampleRate: info.sampleRate,
        channels: info.channels,
        // A granule of 0 or less on the last page means the file was cut before any audio page.
        totalSamples: info.totalSamples > 0 ? info.totalSamples : undefined,
      };
    }
    case 'webm': {
      const info = await readWebmInfo(source);
      return {
        kind: 'compressed',
        decoder: 'webm',
        format,
        codec: info.codec,
        sampleRate: info.sampleRate,
        channels: info.channels,
        totalSamples:
          info.durationMs === undefined ? undefined : Math.round((info.durationMs * info.sampleRate) / 1000),
      };
    }
    case 'flac':
      return readFlac(source, head);
  }
};
