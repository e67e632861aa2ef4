import { AppError } from '../../../common/errors';
import { detectTranscriptFormat, handlerFor } from './detect';
import { decodeTranscriptBytes, normaliseTranscriptText, TRANSCRIPT_INPUT_ERRORS } from './input';
import type { TranscriptInputOptions } from './input';
import type { ParsedTranscript, TranscriptFormat } from './types';

export type TranscriptTextInput = TranscriptInputOptions & {
  text: string;
  /** Only its extension is used (never logged: file names can identify patients). */
  fileName?: string;
  /** Skips detection. */
  format?: TranscriptFormat;
};

export type TranscriptBytesInput = Omit<TranscriptTextInput, 'text'> & { bytes: Uint8Array };

const parseNormalised = (text: string, fileName?: string, format?: TranscriptFormat): ParsedTranscript => {
  const chosen = format ?? detectTranscriptFormat(text, fileName);
  const { segments, warnings } = handlerFor(chosen).parse(text);
  // A header-only VTT or an empty JSON list has nothing said in it: as empty as blank text.
  if (segments.length === 0) throw new AppError('VALIDATION_FAILED', TRANSCRIPT_INPUT_ERRORS.empty);
  return { format: chosen, segments, warnings };
};

/**
 * Pasted text or an already-decoded file → speaker segments. Throws AppError VALIDATION_FAILED for
 * empty, binary, oversized or (JSON only) malformed input; other problems become warnings.
 */
export const parseTranscript = (input: TranscriptTextInput): ParsedTranscript =>
  parseNormalised(normaliseTranscriptText(input.text, input), input.fileName, input.format);

/** File bytes → speaker segments: strict UTF-8 (or UTF-16 with BOM) decoding, then as parseTranscript. */
export const parseTranscriptBytes = (input: TranscriptBytesInput): ParsedTranscript =>
  parseNormalised(decodeTranscriptBytes(input.bytes, input), input.fileName, input.format);
