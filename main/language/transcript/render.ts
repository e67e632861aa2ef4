import type { SpeakerRole } from '../../../common/domain';
import { assertNever } from '../../../common/errors';
import { formatTimestamp } from './timestamps';
import type { ParsedSegment, TranscriptFormat } from './types';

/**
 * Segments → a transcript file in one of the formats the parser reads (for export, and so tests can
 * check that parse(render(x)) gives x back). Speakers are written by role, not by original label;
 * cue formats write a missing time as 0.
 */
export type RenderableFormat = Exclude<TranscriptFormat, 'plain'>;

const ACI_TAG: Record<SpeakerRole, string> = {
  clinician: 'doctor',
  patient: 'patient',
  other: 'patient_guest',
  unknown: 'unknown',
};
const MTS_LABEL: Record<SpeakerRole, string> = {
  clinician: 'Doctor',
  patient: 'Patient',
  other: 'Guest_family',
  unknown: 'Unknown',
};
/** Cue formats: no label at all for an unknown speaker. */
const CUE_LABEL: Record<SpeakerRole, string | null> = {
  clinician: 'Doctor',
  patient: 'Patient',
  other: 'Family',
  unknown: null,
};

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
const escapeVtt = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const cueTimes = (segment: ParsedSegment, separator: '.' | ','): string => {
  const start = segment.startMs ?? 0;
  const end = Math.max(segment.endMs ?? start, start);
  return `${formatTimestamp(start, separator)} --> ${formatTimestamp(end, separator)}`;
};

export const renderTranscript = (segments: readonly ParsedSegment[], format: RenderableFormat): string => {
  switch (format) {
    case 'aci':
      return segments.map((s) => `[${ACI_TAG[s.speaker]}] ${oneLine(s.text)}`).join('\n') + '\n';
    case 'mts':
      return segments.map((s) => `${MTS_LABEL[s.speaker]}: ${oneLine(s.text)}`).join('\n') + '\n';
    case 'vtt': {
      const cues = segments.map((s, i) => {
        const label = CUE_LABEL[s.speaker];
        const text = escapeVtt(oneLine(s.text));
        return `${i + 1}\n${cueTimes(s, '.')}\n${label === null ? text : `<v ${label}>${text}</v>`}`;
      });
      return ['WEBVTT', ...cues].join('\n\n') + '\n';
    }
    case 'srt':
      return (
        segments
          .map((s, i) => {
            const label = CUE_LABEL[s.speaker];
            const text = oneLine(s.text);
            return `${i + 1}\n${cueTimes(s, ',')}\n${label === null ? text : `${label}: ${text}`}`;
          })
          .join('\n\n') + '\n'
      );
    case 'json':
      return (
        JSON.stringify(
          segments.map((s) => ({ speaker: s.speaker, text: s.text, startMs: s.startMs, endMs: s.endMs })),
          null,
          2,
        ) + '\n'
      );
    default:
      return assertNever(format, 'transcript format');
  }
};
