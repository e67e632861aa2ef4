import { AppError } from '../../../common/errors';

/**
 * Turns pasted text or file bytes into clean text for the format parsers, refusing what is not a
 * transcript with a clear message (the messages are shown to the clinician; they never quote content).
 */
export const DEFAULT_MAX_TRANSCRIPT_BYTES = 10 * 1024 * 1024;

export const TRANSCRIPT_INPUT_ERRORS = {
  empty: 'The transcript is empty.',
  binary: 'The file is not a text transcript (it contains binary data).',
  invalidUtf8: 'The file is not valid UTF-8 text. Save it as UTF-8 and import it again.',
  invalidUtf16: 'The file starts like UTF-16 text but is not valid UTF-16. Save it as UTF-8 and import it again.',
  tooLarge: (maxBytes: number): string =>
    `The transcript is larger than the ${formatSize(maxBytes)} limit. Split it into smaller files.`,
} as const;

export type TranscriptInputOptions = { maxBytes?: number };

const formatSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MB` : `${+(bytes / 1024).toFixed(1)} KB`;

const fail = (message: string, cause?: unknown): never => {
  throw new AppError('VALIDATION_FAILED', message, cause === undefined ? undefined : { cause });
};

/** UTF-8 byte length without allocating an encoded copy (a lone surrogate counts as 3, as U+FFFD). */
export const utf8ByteLength = (text: string): number => {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
};

const checkSize = (text: string, maxBytes: number): void => {
  // Every UTF-16 unit is at least one UTF-8 byte and at most three: only count when it matters.
  if (text.length > maxBytes) fail(TRANSCRIPT_INPUT_ERRORS.tooLarge(maxBytes));
  if (text.length * 3 > maxBytes && utf8ByteLength(text) > maxBytes) fail(TRANSCRIPT_INPUT_ERRORS.tooLarge(maxBytes));
};

const isNonPrintable = (code: number): boolean =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d) ||
  (code >= 0x7f && code <= 0x9f) ||
  code === 0xfffd ||
  code === 0xfffe ||
  code === 0xffff;

/** NUL anywhere, or more than 10% control/replacement characters: not something a person typed. */
export const looksBinary = (text: string): boolean => {
  if (text.includes('\u0000')) return true;
  let bad = 0;
  for (let i = 0; i < text.length; i += 1) if (isNonPrintable(text.charCodeAt(i))) bad += 1;
  return bad > 0 && bad / text.length > 0.1;
};

const cleanText = (text: string): string => {
  if (looksBinary(text)) fail(TRANSCRIPT_INPUT_ERRORS.binary);
  const clean = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .normalize('NFC');
  if (clean.trim() === '') fail(TRANSCRIPT_INPUT_ERRORS.empty);
  return clean;
};

/**
 * Validates and normalises pasted text: size limit (UTF-8 bytes), binary, BOM, line endings
 * (CRLF, CR, U+2028/9 → LF), Unicode NFC. Throws AppError VALIDATION_FAILED for empty, binary or
 * oversized input.
 */
export const normaliseTranscriptText = (text: string, options: TranscriptInputOptions = {}): string => {
  checkSize(text, options.maxBytes ?? DEFAULT_MAX_TRANSCRIPT_BYTES);
  return cleanText(text);
};

const hasByte = (bytes: Uint8Array, value: number): boolean => bytes.indexOf(value) !== -1;

const decodeStrict = (bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string => {
  try {
    // fatal: refuse malformed input instead of silently inserting U+FFFD; the BOM is removed for us.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (error) {
    return fail(
      encoding === 'utf-8' ? TRANSCRIPT_INPUT_ERRORS.invalidUtf8 : TRANSCRIPT_INPUT_ERRORS.invalidUtf16,
      error,
    );
  }
};

/**
 * Decodes file bytes (a Buffer is a Uint8Array). UTF-8 with or without BOM; UTF-16 only with a BOM
 * (Windows editors write it), since without one it is indistinguishable from binary.
 */
export const decodeTranscriptBytes = (bytes: Uint8Array, options: TranscriptInputOptions = {}): string => {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_TRANSCRIPT_BYTES;
  if (bytes.length > maxBytes) fail(TRANSCRIPT_INPUT_ERRORS.tooLarge(maxBytes));
  const [b0, b1] = bytes;
  let text: string;
  if (b0 === 0xff && b1 === 0xfe) text = decodeStrict(bytes, 'utf-16le');
  else if (b0 === 0xfe && b1 === 0xff) text = decodeStrict(bytes, 'utf-16be');
  else {
    if (hasByte(bytes, 0)) fail(TRANSCRIPT_INPUT_ERRORS.binary);
    text = decodeStrict(bytes, 'utf-8');
  }
  // The limit applies to the bytes read, already checked (UTF-16 text may grow when counted as UTF-8).
  return cleanText(text);
};
