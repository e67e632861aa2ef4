import { useId, useState } from 'react';
import { call } from '../lib/api';
import { useTranslation } from '../lib/use-translation';
import { ErrorAlert } from './error-alert';

/** Languages offered when the clinician knows the visit's language better than the detector. */
const LANGUAGES: ReadonlyArray<[string, string]> = [
  ['', 'Detect automatically'],
  ['es', 'Spanish'],
  ['fr', 'French'],
  ['de', 'German'],
  ['ru', 'Russian'],
  ['pt', 'Portuguese'],
  ['fa', 'Persian'],
  ['hi', 'Hindi'],
  ['ta', 'Tamil'],
  ['ar', 'Arabic'],
  ['zh', 'Chinese'],
  ['vi', 'Vietnamese'],
];

const NAMES = new Map(LANGUAGES.filter(([code]) => code !== ''));

type Props = { encounterId: string; onTranslated: () => Promise<void> };

/** "Translate to English": the non-English lines get their English beside them, on this device. */
export const TranslateControls = ({ encounterId, onTranslated }: Props) => {
  const { state, run, cancel } = useTranslation(onTranslated);
  const [from, setFrom] = useState('');
  const id = useId();
  const running = state.phase === 'running';
  return (
    <div className="translate">
      <div className="pipeline-row">
        <label htmlFor={`${id}-from`} className="inline-label">
          Visit language
        </label>
        <select
          id={`${id}-from`}
          className="select"
          value={from}
          disabled={running}
          onChange={(event) => {
            setFrom(event.target.value);
          }}
        >
          {LANGUAGES.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={running}
          onClick={() => {
            void run('Translating', () =>
              call('transcript:translate', { encounterId, ...(from === '' ? {} : { from }) }),
            );
          }}
        >
          {running ? 'Translating…' : 'Translate to English'}
        </button>
        {running ? (
          <button type="button" className="button" disabled={state.jobId === null} onClick={() => void cancel()}>
            Cancel
          </button>
        ) : null}
      </div>
      {running ? (
        <div className="pipeline-progress">
          <label htmlFor={`${id}-progress`}>Translating</label>
          <progress
            id={`${id}-progress`}
            max={state.total > 0 ? state.total : undefined}
            value={state.total > 0 ? state.done : undefined}
          />
          <span className="muted" aria-live="polite">
            {state.total > 0 ? `${state.done} of ${state.total} sentences` : 'Starting…'}
          </span>
        </div>
      ) : null}
      {state.phase === 'succeeded' ? (
        <p className="status-line" role="status">
          {state.translated === 0
            ? 'Every line is English already (or was translated before).'
            : `Translated ${state.translated} ${state.translated === 1 ? 'line' : 'lines'} from ${Object.keys(
                state.languages,
              )
                .filter((code) => code !== 'en')
                .map((code) => NAMES.get(code) ?? code)
                .join(', ')}. Draft the note again to read them.`}
        </p>
      ) : null}
      {state.phase === 'cancelled' ? (
        <p className="status-line status-neutral" role="status">
          Translation was cancelled. Nothing was changed.
        </p>
      ) : null}
      {state.phase === 'failed' ? <ErrorAlert title="Could not translate the transcript." error={state.error} /> : null}
    </div>
  );
};
