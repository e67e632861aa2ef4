import { useId, useState } from 'react';
import type { PipelineState, Template } from '../lib/use-pipeline';
import type { StreamedSection } from '../lib/use-note-stream';
import { ErrorAlert } from './error-alert';
import { NoteStream } from './note-stream';

const TEMPLATES: ReadonlyArray<{ id: Template; label: string }> = [
  { id: 'soap', label: 'SOAP' },
  { id: 'history-and-physical', label: 'History and physical' },
  { id: 'progress', label: 'Progress note' },
];

type Props = {
  state: PipelineState;
  canRun: boolean;
  /** Why drafting is not possible right now, shown next to the disabled button. */
  reason: string | null;
  onRun: (template: Template) => void;
  onCancel: () => void;
  /** The LLM's text while it writes (empty when the composer drafts). */
  streamed: readonly StreamedSection[];
};

/** "Draft note": template choice, progress of the running job, cancel, and how the last run ended. */
export const PipelineControls = ({ state, canRun, reason, onRun, onCancel, streamed }: Props) => {
  const [template, setTemplate] = useState<Template>('soap');
  const id = useId();
  const running = state.phase === 'running';
  return (
    <div className="pipeline">
      <div className="pipeline-row">
        <label htmlFor={`${id}-template`} className="inline-label">
          Template
        </label>
        <select
          id={`${id}-template`}
          className="select"
          value={template}
          disabled={running}
          onChange={(event) => {
            const chosen = TEMPLATES.find((t) => t.id === event.target.value);
            if (chosen) setTemplate(chosen.id);
          }}
        >
          {TEMPLATES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-primary"
          disabled={!canRun || running}
          aria-describedby={reason ? `${id}-reason` : undefined}
          onClick={() => {
            onRun(template);
          }}
        >
          {running ? 'Drafting…' : 'Draft note'}
        </button>
        {running ? (
          <button
            type="button"
            className="button"
            disabled={state.cancelling || state.jobId === null}
            onClick={onCancel}
          >
            {state.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : null}
        {reason && !running ? (
          <span id={`${id}-reason`} className="muted pipeline-reason">
            {reason}
          </span>
        ) : null}
      </div>
      {running ? (
        <div className="pipeline-progress">
          <label htmlFor={`${id}-progress`}>Drafting the note</label>
          <progress
            id={`${id}-progress`}
            max={state.total > 0 ? state.total : undefined}
            value={state.total > 0 ? state.done : undefined}
          />
          <span className="muted" aria-live="polite">
            {state.total > 0 ? `${String(Math.round((100 * state.done) / state.total))}% done` : 'Starting…'}
          </span>
        </div>
      ) : null}
      {running ? <NoteStream sections={streamed} /> : null}
      {state.phase === 'succeeded' ? (
        <p className="status-line" role="status">
          Draft version {state.version} is ready, with {state.findings} {state.findings === 1 ? 'finding' : 'findings'}
          {state.source === 'llm' ? ', written by the on-device language model.' : '.'}
        </p>
      ) : null}
      {state.phase === 'succeeded' && state.fallback ? (
        <p className="status-line status-neutral" role="status">
          The on-device language model could not write this draft ({state.fallback.code}: {state.fallback.message}) so
          the built-in composer wrote it.
        </p>
      ) : null}
      {state.phase === 'cancelled' ? (
        <p className="status-line status-neutral" role="status">
          Drafting was cancelled. Nothing was changed.
        </p>
      ) : null}
      {state.phase === 'failed' ? <ErrorAlert title="Could not draft the note." error={state.error} /> : null}
    </div>
  );
};
