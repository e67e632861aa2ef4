import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Dispatch, ReactNode, RefObject, SetStateAction } from 'react';
import type { EncounterDetail } from '../../../common/domain';
import { AudioPanel } from '../components/audio-panel';
import { ConsentPanel } from '../components/consent-panel';
import { ErrorAlert } from '../components/error-alert';
import { NoteVersions } from '../components/note-versions';
import { StatusBadge } from '../components/status-badge';
import { DraftPanel } from '../components/draft-panel';
import { TranscriptPanel } from '../components/transcript-panel';
import { call, toBackendError, type BackendError } from '../lib/api';
import { useHighlight, type Highlight } from '../lib/highlight';
import { ageInYears, formatCalendarDate, formatTimestamp } from '../lib/format';
import { hrefFor } from '../lib/route';
import { localToday } from '../lib/validation';

type Props = { id: string };

export const EncounterPage = ({ id }: Props) => {
  const [detail, setDetail] = useState<EncounterDetail | null>(null);
  const [error, setError] = useState<BackendError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const highlight = useHighlight();

  /** Reloads the stored transcript and note versions in place (after an import or a new draft). */
  const refresh = useCallback(async (): Promise<void> => {
    const result = await call('encounter:get', { id });
    setDetail(result);
  }, [id]);

  useEffect(() => {
    let current = true;
    setError(null);
    call('encounter:get', { id })
      .then((result) => {
        if (current) setDetail(result);
      })
      .catch((caught: unknown) => {
        if (current) setError(toBackendError(caught));
      });
    return () => {
      current = false;
    };
  }, [id, attempt]);

  // Move focus to the new page's heading so keyboard and screen-reader users start at the top.
  useEffect(() => {
    if (detail) headingRef.current?.focus();
  }, [detail?.encounter.id]);

  const back = (
    <a className="back-link" href={hrefFor({ page: 'encounters' })}>
      <span aria-hidden="true">←</span> Back to encounters
    </a>
  );

  if (!detail) {
    return (
      <section className="page">
        {back}
        <h1>Encounter</h1>
        {error ? (
          <>
            <ErrorAlert title="Could not open this encounter." error={error} />
            <button
              type="button"
              className="button"
              onClick={() => {
                setAttempt((n) => n + 1);
              }}
            >
              Try again
            </button>
          </>
        ) : (
          <p className="muted" role="status">
            Opening encounter…
          </p>
        )}
      </section>
    );
  }

  return (
    <EncounterView
      detail={detail}
      headingRef={headingRef}
      back={back}
      highlight={highlight}
      refresh={refresh}
      setDetail={setDetail}
    />
  );
};

type ViewProps = {
  detail: EncounterDetail;
  headingRef: RefObject<HTMLHeadingElement | null>;
  back: ReactNode;
  highlight: Highlight;
  refresh: () => Promise<void>;
  setDetail: Dispatch<SetStateAction<EncounterDetail | null>>;
};

const EncounterView = ({ detail, headingRef, back, highlight, refresh, setDetail }: ViewProps) => {
  const { encounter, segments, notes } = detail;
  const segmentIds = useMemo(() => new Set(segments.map((s) => s.id)), [segments]);
  const locked = encounter.status === 'signed';
  const age = ageInYears(encounter.patient.dob, localToday());
  const [transcriptions, setTranscriptions] = useState(0);
  return (
    <article className="page encounter" aria-labelledby="encounter-title">
      {back}
      <header className="patient-header card">
        <div className="patient-title">
          <h1 id="encounter-title" ref={headingRef} tabIndex={-1}>
            {encounter.patient.name}
          </h1>
          <StatusBadge status={encounter.status} />
        </div>
        <dl className="patient-facts">
          <div>
            <dt>MRN</dt>
            <dd className="mono">{encounter.patient.mrn}</dd>
          </div>
          <div>
            <dt>Date of birth</dt>
            <dd>
              {formatCalendarDate(encounter.patient.dob)}
              {age === null ? '' : ` (${age} y)`}
            </dd>
          </div>
          <div>
            <dt>Reason for visit</dt>
            <dd>{encounter.reason || <span className="muted">Not recorded</span>}</dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>
              <time dateTime={encounter.createdAt}>{formatTimestamp(encounter.createdAt)}</time>
            </dd>
          </div>
        </dl>
      </header>

      <div className="encounter-grid">
        <ConsentPanel
          encounterId={encounter.id}
          consent={encounter.consent}
          onChange={(consent) => {
            setDetail((prev) => (prev ? { ...prev, encounter: { ...prev.encounter, consent } } : prev));
          }}
        />
        <AudioPanel
          encounterId={encounter.id}
          recordingConsent={encounter.consent.recording}
          locked={locked}
          onTranscribed={async () => {
            highlight.clear();
            await refresh();
            setTranscriptions((n) => n + 1);
          }}
        />
        <TranscriptPanel
          encounterId={encounter.id}
          segments={segments}
          highlight={highlight.evidence}
          locked={locked}
          onImported={async () => {
            highlight.clear();
            await refresh();
          }}
        />
        <DraftPanel
          // A transcription drafts a new version in main: remounting the panel loads it.
          key={transcriptions}
          encounterId={encounter.id}
          segmentIds={segmentIds}
          locked={locked}
          highlight={highlight}
          onDrafted={refresh}
        />
        <NoteVersions notes={notes} />
      </div>
    </article>
  );
};
