import { useId, useRef, useState, type SubmitEvent } from 'react';
import { ErrorAlert } from './error-alert';
import type { BackendError } from '../lib/api';
import { checkTranscriptFile, TRANSCRIPT_FILE_TYPES } from '../lib/transcript-file';

export type TranscriptInput = { text: string; fileName?: string; source: 'paste' | 'import' };

type Props = {
  /** Segments already stored: importing then replaces them, after a confirmation. */
  existing: number;
  busy: boolean;
  error: BackendError | null;
  onSubmit: (input: TranscriptInput) => void;
  onCancel?: () => void;
};

/** Paste or pick a transcript file; a replacement asks for confirmation first. */
export const TranscriptImport = ({ existing, busy, error, onSubmit, onCancel }: Props) => {
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [pending, setPending] = useState<TranscriptInput | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const submit = (input: TranscriptInput): void => {
    setFileError(null);
    if (existing > 0) setPending(input);
    else onSubmit(input);
  };

  const onPaste = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    submit({ text, source: 'paste' });
  };

  const onFile = async (file: File | undefined): Promise<void> => {
    if (fileRef.current) fileRef.current.value = '';
    if (!file) return;
    const problem = checkTranscriptFile(file);
    if (problem) {
      setFileError(problem);
      return;
    }
    try {
      submit({ text: await file.text(), fileName: file.name, source: 'import' });
    } catch {
      setFileError('The file could not be read. Check that it is still there and try again.');
    }
  };

  if (pending) {
    return (
      <div className="confirm" role="group" aria-labelledby={`${id}-confirm`}>
        <p id={`${id}-confirm`} className="confirm-title">
          Replace the current transcript ({existing} {existing === 1 ? 'line' : 'lines'})?
        </p>
        <p className="muted">The current draft and findings came from it; draft the note again afterwards.</p>
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => {
              onSubmit(pending);
              setPending(null);
            }}
          >
            Replace transcript
          </button>
          <button
            type="button"
            className="button"
            // The safe choice takes focus, so Enter never replaces a transcript by accident.
            autoFocus
            onClick={() => {
              setPending(null);
            }}
          >
            Keep current
          </button>
        </div>
      </div>
    );
  }

  return (
    <form className="transcript-import" onSubmit={onPaste} aria-busy={busy}>
      <div className="field">
        <label htmlFor={`${id}-text`}>Paste transcript</label>
        <textarea
          id={`${id}-text`}
          className="transcript-input"
          rows={8}
          spellCheck={false}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
          }}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="field-hint">
          One turn per line, e.g. <code>[doctor] …</code> / <code>[patient] …</code> or <code>Doctor: …</code>. Files:
          .txt, WebVTT, SRT or JSON segments, up to 10 MB.
        </p>
      </div>
      {fileError ? (
        <div className="alert" role="alert">
          <div className="alert-body">
            <p className="alert-title">Could not import this file.</p>
            <p className="alert-message">{fileError}</p>
          </div>
        </div>
      ) : null}
      <ErrorAlert title="Could not import the transcript." error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Importing…' : 'Import pasted text'}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            fileRef.current?.click();
          }}
        >
          Import file…
        </button>
        <input
          ref={fileRef}
          type="file"
          className="visually-hidden"
          accept={TRANSCRIPT_FILE_TYPES}
          tabIndex={-1}
          aria-label="Transcript file"
          onChange={(event) => {
            void onFile(event.target.files?.[0]);
          }}
        />
        {onCancel ? (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
};
