import { useRef, useState, type SubmitEvent } from 'react';
import { ErrorAlert } from '../components/error-alert';
import { TextField } from '../components/text-field';
import { call, toBackendError, type BackendError } from '../lib/api';

type Props = { onUnlocked: () => Promise<void> };

export const UnlockPage = ({ onUnlocked }: Props) => {
  const [passphrase, setPassphrase] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<BackendError | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    if (passphrase === '') {
      setFieldError('Enter your passphrase.');
      inputRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setError(null);
    setBusy(true);
    try {
      await call('session:unlock', { passphrase });
      await onUnlocked();
    } catch (caught) {
      setError(toBackendError(caught));
      // Keep what was typed (nothing is lost) but make retyping one keystroke away.
      inputRef.current?.select();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="gate" aria-labelledby="unlock-title">
      <h1 id="unlock-title">Unlock Quietchart</h1>
      <p className="lead">Your records are encrypted on this device. Enter your passphrase to open them.</p>
      <form className="card form" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorAlert title="Could not unlock." error={error} />
        <TextField
          id="unlock-passphrase"
          label="Passphrase"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          maxLength={1024}
          value={passphrase}
          onChange={(event) => {
            setPassphrase(event.target.value);
          }}
          error={fieldError}
          inputRef={inputRef}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
      </form>
    </section>
  );
};
