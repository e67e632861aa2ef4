import { AppError } from '../../common/errors';
import { findFirstMp3Frame, id3v2Size } from './mp3';
import type { AudioFormat } from './types';

/** How many leading bytes sniffing and the header parsers look at. */
export const HEAD_BYTES = 256 * 1024;

const EXTENSIONS: Record<string, AudioFormat> = {
  wav: 'wav',
  wave: 'wav',
  mp3: 'mp3',
  ogg: 'ogg',
  oga: 'ogg',
  opus: 'ogg',
  webm: 'webm',
  weba: 'webm',
  flac: 'flac',
};

const ascii = (bytes: Uint8Array, at: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(at, at + length));

/** The format a file name claims, if it is one of ours. */
export const formatFromName = (name: string): AudioFormat | undefined => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[name.slice(dot + 1).toLowerCase()];
};

/**
 * Identifies the container from its magic bytes; the name is only a hint for the error: bytes that
 * match nothing are AUDIO_CORRUPT when the name claims a format we read (a damaged file), and
 * AUDIO_UNSUPPORTED otherwise (some other kind of file).
 */
export const sniffFormat = (head: Uint8Array, size: number, claimed?: AudioFormat): AudioFormat => {
  if (size === 0) throw new AppError('AUDIO_EMPTY', 'The audio file is empty.');
  const riff = ascii(head, 0, 4) === 'RIFF' || ascii(head, 0, 4) === 'RF64';
  // A RIFF header cut before its form type is a damaged WAV (the WAV reader says so).
  if (riff && (head.length < 12 || ascii(head, 8, 4) === 'WAVE')) return 'wav';
  if (ascii(head, 0, 4) === 'OggS') return 'ogg';
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'webm';
  const tag = id3v2Size(head);
  if (ascii(head, tag, 4) === 'fLaC') return 'flac';
  if (findFirstMp3Frame(head, tag, tag > 0 ? 64 * 1024 : 4096) !== undefined) return 'mp3';
  if (ascii(head, 4, 4) === 'ftyp' || ascii(head, 0, 4) === 'FORM' || ascii(head, 0, 4) === 'RIFF') {
    throw new AppError('AUDIO_UNSUPPORTED', 'This audio container is not supported (use WAV, MP3, Ogg, WebM or FLAC).');
  }
  if (claimed) throw new AppError('AUDIO_CORRUPT', `The file does not look like ${claimed.toUpperCase()} audio.`);
  throw new AppError('AUDIO_UNSUPPORTED', 'The file is not a recognised audio format.');
};
