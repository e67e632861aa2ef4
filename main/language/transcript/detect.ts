import { aciFormat } from './formats/aci';
import { jsonFormat } from './formats/json';
import { mtsFormat } from './formats/mts';
import { plainFormat } from './formats/plain';
import { srtFormat } from './formats/srt';
import { vttFormat } from './formats/vtt';
import type { TranscriptFormat, TranscriptFormatHandler } from './types';

/** Most specific first: plain text accepts anything, so it comes last. */
export const FORMAT_HANDLERS: readonly TranscriptFormatHandler[] = [
  jsonFormat,
  vttFormat,
  srtFormat,
  aciFormat,
  mtsFormat,
  plainFormat,
];

/** Extensions that fix the format. .txt, .csv and the rest are sniffed: a .txt may hold anything. */
const BY_EXTENSION: Readonly<Record<string, TranscriptFormat>> = {
  vtt: 'vtt',
  webvtt: 'vtt',
  srt: 'srt',
  json: 'json',
};

export const formatFromFileName = (fileName: string): TranscriptFormat | null => {
  const dot = fileName.lastIndexOf('.');
  if (dot === -1) return null;
  const ext = fileName.slice(dot + 1).toLowerCase();
  return Object.hasOwn(BY_EXTENSION, ext) ? (BY_EXTENSION[ext] ?? null) : null;
};

export const handlerFor = (format: TranscriptFormat): TranscriptFormatHandler => {
  const handler = FORMAT_HANDLERS.find((candidate) => candidate.format === format);
  return handler ?? plainFormat;
};

/** Chooses the format: the file extension when it is decisive, otherwise the content. */
export const detectTranscriptFormat = (text: string, fileName?: string): TranscriptFormat => {
  const byName = fileName === undefined ? null : formatFromFileName(fileName);
  if (byName) return byName;
  return (FORMAT_HANDLERS.find((handler) => handler.detect(text)) ?? plainFormat).format;
};
