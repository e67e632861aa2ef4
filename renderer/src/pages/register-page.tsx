import { useRef, useState, type SubmitEvent } from 'react';
import { ErrorAlert } from '../components/error-alert';
import { TextField } from '../components/text-field';
import { call, toBackendError, type BackendError } from '../lib/api';

type Props = { onRegistered: () => Promise<void> };

/** First run: the clinician whose name signs notes on this device. */
export const RegisterPage = ({ onRegistered }: Props) => {
  const [displayName, setDisplayName] = useState('');
  const [credentials, setCredentials] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [error, setError] = useState<BackendError | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const name = displayName.trim();
    if (name === '') {
      setNameError('Enter the name that should appear on your notes.');
      nameRef.current?.focus();
      return;
    }
    setNameError(undefined);
    setError(null);
    setBusy(true);
    try {
      await call('clinician:register', { displayName: name, credentials: credentials.trim() });
      await onRegistered();
    } catch (caught) {
      setError(toBackendError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="gate" aria-labelledby="register-title">
      <h1 id="register-title">Set up your clinician profile</h1>
      <p className="lead">
        Quietchart records who signs each note. Your profile is stored, encrypted, on this device only.
      </p>
      <form className="card form" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorAlert title="Could not save your profile." error={error} />
        <TextField
          id="register-name"
          label="Display name"
          hint="As it should appear on signed notes, for example “Dr. Ana Rivera”."
          autoComplete="name"
          required
          autoFocus
          maxLength={200}
          value={displayName}
          onChange={(event) => {
            setDisplayName(event.target.value);
          }}
          error={nameError}
          inputRef={nameRef}
        />
        <TextField
          id="register-credentials"
          label="Credentials"
          hint="For example “MD, Internal Medicine”."
          maxLength={200}
          value={credentials}
          onChange={(event) => {
            setCredentials(event.target.value);
          }}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Continue'}
          </button>
        </div>
      </form>
    </section>
  );
};
