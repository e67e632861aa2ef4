import { z } from 'zod';
import type { SpeakerRole } from '../../../common/domain';

/**
 * What every transcript source (pasted text, imported files, and later the speech pipeline) is
 * normalised into before the language pipeline sees it.
 */
export type ParsedSegment = {
  speaker: SpeakerRole;
  text: string;
  startMs: number | null;
  endMs: number | null;
  /** The label as written in the source ("Doctor", "Guest_family_1", "SPEAKER_00"); null when unlabelled. */
  speakerLabel: string | null;
};

export const TranscriptFormat = z.enum(['aci', 'mts', 'vtt', 'srt', 'json', 'plain']);
export type TranscriptFormat = z.infer<typeof TranscriptFormat>;

export const TRANSCRIPT_WARNING_CODES = [
  'UNKNOWN_SPEAKER_LABEL',
  'BROKEN_TIMESTAMP',
  'CUE_WITHOUT_TIMING',
  'MISSING_HEADER',
  'TEXT_BEFORE_FIRST_SPEAKER',
] as const;
export type TranscriptWarningCode = (typeof TRANSCRIPT_WARNING_CODES)[number];

/**
 * A recoverable problem. `message` is shown to the clinician and may be logged, so it never quotes
 * the transcript (labels can be names): it points at a line number instead.
 */
export type TranscriptWarning = { code: TranscriptWarningCode; message: string; line: number | null };

export type FormatParse = { segments: ParsedSegment[]; warnings: TranscriptWarning[] };

export type ParsedTranscript = FormatParse & { format: TranscriptFormat };

/** One format: a cheap content sniff and a parser. Parsers never throw on malformed content except JSON. */
export type TranscriptFormatHandler = {
  format: TranscriptFormat;
  /** True when the (normalised) text looks like this format. */
  detect: (text: string) => boolean;
  parse: (text: string) => FormatParse;
};
