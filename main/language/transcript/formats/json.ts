import { z } from 'zod';
import { AppError } from '../../../../common/errors';
import { createSegmentCollector } from '../collector';
import type { FormatParse, TranscriptFormatHandler } from '../types';

/**
 * JSON segments: an array of `{ speaker | role, text, start | startMs, end | endMs }`, or an object
 * with such an array under `segments` (Whisper-style output). The unit is in the field name:
 * `start`/`end` are seconds, `startMs`/`endMs` milliseconds (the latter win when both are present).
 * Other fields are ignored. Unlike the text formats, malformed JSON is an error: a machine wrote it.
 */
const Seconds = z.number().nonnegative().nullish();
const Speaker = z.union([z.string(), z.number()]).nullish();

export const JsonTranscriptSegment = z.looseObject({
  speaker: Speaker,
  role: Speaker,
  text: z.string(),
  start: Seconds,
  end: Seconds,
  startMs: Seconds,
  endMs: Seconds,
});
export type JsonTranscriptSegment = z.infer<typeof JsonTranscriptSegment>;

const SegmentList = z.array(JsonTranscriptSegment);
const SegmentObject = z.looseObject({ segments: SegmentList });

export const JSON_TRANSCRIPT_ERRORS = {
  syntax: 'The JSON transcript is not valid JSON.',
  shape: (where: string): string =>
    `The JSON transcript does not match the segment format (expected a list of { speaker, text, start, end }; problem at ${where}).`,
} as const;

const tryParse = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
};

const detect = (text: string): boolean => {
  const trimmed = text.trimStart();
  return (trimmed.startsWith('[') || trimmed.startsWith('{')) && tryParse(text).ok;
};

const toMs = (ms: number | null | undefined, seconds: number | null | undefined): number | null => {
  if (ms !== null && ms !== undefined) return Math.round(ms);
  if (seconds !== null && seconds !== undefined) return Math.round(seconds * 1000);
  return null;
};

const parse = (text: string): FormatParse => {
  const parsed = tryParse(text);
  if (!parsed.ok) throw new AppError('VALIDATION_FAILED', JSON_TRANSCRIPT_ERRORS.syntax);
  // Validate against the shape the value has, so the error points inside it rather than at a union.
  const result = Array.isArray(parsed.value)
    ? SegmentList.safeParse(parsed.value)
    : SegmentObject.transform((value) => value.segments).safeParse(parsed.value);
  if (!result.success) {
    // The path only (e.g. "[3].text"), never the offending value: it may be transcript text.
    const issue = result.error.issues[0];
    const where =
      issue && issue.path.length > 0
        ? issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')
        : 'the top level';
    throw new AppError('VALIDATION_FAILED', JSON_TRANSCRIPT_ERRORS.shape(where));
  }
  const items = result.data;
  const out = createSegmentCollector();
  items.forEach((item, index) => {
    let startMs = toMs(item.startMs, item.start);
    let endMs = toMs(item.endMs, item.end);
    if (startMs !== null && endMs !== null && endMs < startMs) {
      out.warn('BROKEN_TIMESTAMP', `Segment ${index + 1} ends before it starts; its times are unknown.`, null);
      startMs = null;
      endMs = null;
    }
    const speaker = item.speaker ?? item.role ?? null;
    out.push({ label: speaker === null ? null : String(speaker), text: item.text, startMs, endMs, line: null });
  });
  return out.result();
};

export const jsonFormat: TranscriptFormatHandler = { format: 'json', detect, parse };
