import type { SpeakerRole } from '../../../common/domain';
import { roleForLabel } from './speaker-labels';
import type { FormatParse, ParsedSegment, TranscriptWarning, TranscriptWarningCode } from './types';

export type SegmentDraft = {
  label: string | null;
  text: string;
  startMs?: number | null;
  endMs?: number | null;
  /** 1-based source line, for warnings. */
  line: number | null;
};

export type SegmentCollector = {
  warn: (code: TranscriptWarningCode, message: string, line: number | null) => void;
  /** Role for a label; warns once per distinct unrecognised label (never quoting it: it may be a name). */
  resolve: (label: string | null, line: number | null) => SpeakerRole;
  /** Adds a segment: whitespace collapsed, empty text dropped. */
  push: (draft: SegmentDraft) => void;
  result: () => FormatParse;
};

/** Utterances are single lines of speech: collapse line breaks and runs of spaces. */
export const cleanSegmentText = (text: string): string => text.replace(/\s+/g, ' ').trim();

export const createSegmentCollector = (): SegmentCollector => {
  const segments: ParsedSegment[] = [];
  const warnings: TranscriptWarning[] = [];
  const warnedLabels = new Set<string>();

  const warn: SegmentCollector['warn'] = (code, message, line) => {
    warnings.push({ code, message, line });
  };

  const resolve: SegmentCollector['resolve'] = (label, line) => {
    if (label === null) return 'unknown';
    const { role, recognised } = roleForLabel(label);
    const key = label.trim().toLowerCase();
    if (!recognised && !warnedLabels.has(key)) {
      warnedLabels.add(key);
      const where = line === null ? '' : ` (first seen on line ${line})`;
      warn(
        'UNKNOWN_SPEAKER_LABEL',
        `A speaker label${where} is not recognised; its turns are marked as unknown speaker.`,
        line,
      );
    }
    return role;
  };

  const push: SegmentCollector['push'] = (draft) => {
    const text = cleanSegmentText(draft.text);
    if (text === '') return;
    const label = draft.label === null ? null : draft.label.trim() || null;
    segments.push({
      speaker: resolve(label, draft.line),
      text,
      startMs: draft.startMs ?? null,
      endMs: draft.endMs ?? null,
      speakerLabel: label,
    });
  };

  return { warn, resolve, push, result: () => ({ segments, warnings }) };
};
