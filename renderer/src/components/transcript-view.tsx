import { useEffect, useRef } from 'react';
import type { SpeakerRole, TranscriptSegment } from '../../../common/domain';
import type { Evidence } from '../../../common/findings';
import { originalSpanFor, type TranslationSpans } from '../../../common/translation-spans';
import { evidenceBySegment, markRanges } from '../lib/evidence';
import { formatOffset } from '../lib/format';

const SPEAKERS: Record<SpeakerRole, string> = {
  clinician: 'Clinician',
  patient: 'Patient',
  other: 'Other',
  unknown: 'Speaker',
};

type Props = {
  segments: TranscriptSegment[];
  highlight: readonly Evidence[];
  /** Present while the transcript may change: the speaker label becomes a menu (speech labels are a guess). */
  onSpeakerChange?: (segmentId: string, speaker: SpeakerRole) => Promise<void>;
};

const ROLES = Object.keys(SPEAKERS) as SpeakerRole[];

/** Evidence found in a translated line's English, shown on the original sentences it came from. */
const originalRanges = (
  spans: TranslationSpans,
  marks: ReadonlyArray<{ start: number; end: number }>,
): Array<{ start: number; end: number }> =>
  marks.flatMap((m) => {
    const span = originalSpanFor(spans, m.start, m.end);
    return span ? [span] : [];
  });

/** The stored transcript; the evidence of the focused sentence or finding is marked and scrolled into view. */
export const TranscriptView = ({ segments, highlight, onSpeakerChange }: Props) => {
  const listRef = useRef<HTMLOListElement>(null);
  const ranges = evidenceBySegment(highlight);
  const firstId = highlight[0]?.segmentId;

  useEffect(() => {
    if (!firstId) return;
    const item = listRef.current?.querySelector<HTMLElement>(`[data-segment-id="${CSS.escape(firstId)}"]`);
    item?.scrollIntoView({ block: 'nearest' });
  }, [firstId]);

  if (segments.length === 0) return <p className="muted">No transcript for this encounter yet.</p>;
  return (
    <ol className="segments" ref={listRef} aria-label="Transcript lines">
      {segments.map((segment) => {
        const marks = ranges.get(segment.id);
        return (
          <li
            key={segment.id}
            data-segment-id={segment.id}
            className={`segment segment-${segment.speaker}${marks ? ' segment-evidence' : ''}`}
          >
            <p className="segment-meta">
              {onSpeakerChange ? (
                <select
                  className="segment-speaker segment-speaker-select"
                  aria-label={`Speaker of line ${segment.seq + 1}`}
                  value={segment.speaker}
                  onChange={(event) => void onSpeakerChange(segment.id, event.target.value as SpeakerRole)}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {SPEAKERS[role]}
                    </option>
                  ))}
                </select>
              ) : (
                <span className="segment-speaker">{SPEAKERS[segment.speaker]}</span>
              )}
              {segment.startMs === null ? null : (
                <span className="segment-time">
                  {formatOffset(segment.startMs)}
                  {segment.endMs === null ? '' : `–${formatOffset(segment.endMs)}`}
                </span>
              )}
              {segment.language && segment.language !== 'en' ? (
                <span className="segment-lang">
                  <span className="visually-hidden">Language: </span>
                  {segment.language}
                </span>
              ) : null}
              {marks ? <span className="segment-evidence-label">Evidence</span> : null}
            </p>
            {segment.englishText ? (
              // A translated line: the original as spoken, and the English the findings' evidence points into.
              <>
                <p className="segment-text segment-original" lang={segment.language ?? undefined}>
                  {marks && segment.translationSpans
                    ? markRanges(segment.text, originalRanges(segment.translationSpans, marks)).map((piece, i) =>
                        piece.marked ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>,
                      )
                    : segment.text}
                </p>
                <p className="segment-text" lang="en">
                  <span className="visually-hidden">English: </span>
                  {marks
                    ? markRanges(segment.englishText, marks).map((piece, i) =>
                        piece.marked ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>,
                      )
                    : segment.englishText}
                </p>
              </>
            ) : (
              <p className="segment-text" lang={segment.language ?? undefined}>
                {marks
                  ? markRanges(segment.text, marks).map((piece, i) =>
                      piece.marked ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>,
                    )
                  : segment.text}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
};
