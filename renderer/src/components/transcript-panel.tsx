import { useState } from 'react';
import type { ResponseOf } from '../../../common/contract';
import type { SpeakerRole, TranscriptSegment } from '../../../common/domain';
import type { Evidence } from '../../../common/findings';
import { call, toBackendError, type BackendError } from '../lib/api';
import { FORMAT_LABELS } from '../lib/transcript-file';
import { TranscriptImport, type TranscriptInput } from './transcript-import';
import { TranslateControls } from './translate-controls';
import { TranscriptView } from './transcript-view';

type ImportResult = ResponseOf<'transcript:import'>;

type Props = {
  encounterId: string;
  segments: TranscriptSegment[];
  highlight: readonly Evidence[];
  locked: boolean;
  /** Called after a successful import so the page reloads the stored segments. */
  onImported: () => Promise<void>;
};

const ImportSummary = ({ result }: { result: ImportResult }) => (
  <div className="import-summary" role="status">
    <p className="status-line">
      Imported {result.segmentCount} {result.segmentCount === 1 ? 'line' : 'lines'} ({FORMAT_LABELS[result.format]}).
    </p>
    {result.warnings.length > 0 ? (
      <>
        <p className="import-warnings-title">
          {result.warnings.length} {result.warnings.length === 1 ? 'warning' : 'warnings'}:
        </p>
        <ul className="import-warnings">
          {result.warnings.map((warning, i) => (
            <li key={`${warning.code}-${i}`}>
              {warning.line === null ? null : <span className="mono">Line {warning.line}: </span>}
              {warning.message}
            </li>
          ))}
        </ul>
      </>
    ) : null}
  </div>
);

export const TranscriptPanel = ({ encounterId, segments, highlight, locked, onImported }: Props) => {
  const [replacing, setReplacing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BackendError | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const importTranscript = async (input: TranscriptInput): Promise<void> => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const imported = await call('transcript:import', { encounterId, ...input });
      await onImported();
      setResult(imported);
      setReplacing(false);
    } catch (caught) {
      setError(toBackendError(caught));
    } finally {
      setBusy(false);
    }
  };

  const showForm = segments.length === 0 || replacing;
  return (
    <section className="card transcript" aria-labelledby="transcript-title">
      <div className="card-header">
        <h2 id="transcript-title">Transcript</h2>
        {segments.length > 0 && !replacing && !locked ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setResult(null);
              setReplacing(true);
            }}
          >
            Replace transcript…
          </button>
        ) : null}
      </div>
      {result ? <ImportSummary result={result} /> : null}
      {showForm && !locked ? (
        <TranscriptImport
          existing={segments.length}
          busy={busy}
          error={error}
          onSubmit={(input) => {
            void importTranscript(input);
          }}
          {...(replacing
            ? {
                onCancel: () => {
                  setReplacing(false);
                  setError(null);
                },
              }
            : {})}
        />
      ) : null}
      {segments.length > 0 && !locked && !showForm ? (
        <TranslateControls encounterId={encounterId} onTranslated={onImported} />
      ) : null}
      {segments.length > 0 ? (
        <TranscriptView
          segments={segments}
          highlight={highlight}
          {...(locked
            ? {}
            : {
                onSpeakerChange: async (segmentId: string, speaker: SpeakerRole) => {
                  setError(null);
                  try {
                    await call('segment:setSpeaker', { segmentId, speaker });
                    await onImported();
                  } catch (caught) {
                    setError(toBackendError(caught));
                  }
                },
              })}
        />
      ) : null}
      {segments.length === 0 && locked ? <p className="muted">No transcript for this encounter.</p> : null}
    </section>
  );
};
