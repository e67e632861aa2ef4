import type { SpeakerRole, TranscriptSegment } from '../../../common/domain';
import { formatOffset } from '../lib/format';

const SPEAKERS: Record<SpeakerRole, string> = {
  clinician: 'Clinician',
  patient: 'Patient',
  other: 'Other',
  unknown: 'Speaker',
};

export const TranscriptView = ({ segments }: { segments: TranscriptSegment[] }) => (
  <section className="card transcript" aria-labelledby="transcript-title">
    <h2 id="transcript-title">Transcript</h2>
    {segments.length === 0 ? (
      <p className="muted">No transcript for this encounter yet.</p>
    ) : (
      <ol className="segments">
        {segments.map((segment) => (
          <li key={segment.id} className={`segment segment-${segment.speaker}`}>
            <p className="segment-meta">
              <span className="segment-speaker">{SPEAKERS[segment.speaker]}</span>
              {segment.startMs === null ? null : <span className="segment-time">{formatOffset(segment.startMs)}</span>}
              {segment.language && segment.language !== 'en' ? (
                <span className="segment-lang">
                  <span className="visually-hidden">Language: </span>
                  {segment.language}
                </span>
              ) : null}
            </p>
            <p className="segment-text" lang={segment.language ?? undefined}>
              {segment.text}
            </p>
          </li>
        ))}
      </ol>
    )}
  </section>
);
