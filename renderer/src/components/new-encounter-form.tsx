import { useRef, useState, type SubmitEvent } from 'react';
import type { EncounterSummary } from '../../../common/domain';
import { call, toBackendError, type BackendError } from '../lib/api';
import {
  LIMITS,
  localToday,
  validateNewEncounter,
  EARLIEST_DOB,
  type NewEncounterErrors,
  type NewEncounterField,
  type NewEncounterValues,
} from '../lib/validation';
import { ErrorAlert } from './error-alert';
import { TextField } from './text-field';

type Props = { onCreated: (encounter: EncounterSummary) => void; onCancel: () => void };

const EMPTY: NewEncounterValues = { name: '', dob: '', mrn: '', reason: '' };
const FIELD_ORDER: NewEncounterField[] = ['name', 'dob', 'mrn', 'reason'];

/** Patient details and visit reason. Values stay in place after any failure; they clear only on success. */
export const NewEncounterForm = ({ onCreated, onCancel }: Props) => {
  const [values, setValues] = useState<NewEncounterValues>(EMPTY);
  const [errors, setErrors] = useState<NewEncounterErrors>({});
  const [error, setError] = useState<BackendError | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const today = localToday();

  const update = (field: NewEncounterField) => (event: { target: { value: string } }) => {
    setValues((prev) => ({ ...prev, [field]: event.target.value }));
    // Clear a field's message as soon as it is being corrected.
    if (errors[field]) setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const check = validateNewEncounter(values, localToday());
    if (!check.ok) {
      setErrors(check.errors);
      const first = FIELD_ORDER.find((field) => check.errors[field]);
      if (first) formRef.current?.querySelector<HTMLInputElement>(`#new-encounter-${first}`)?.focus();
      return;
    }
    setErrors({});
    setError(null);
    setBusy(true);
    try {
      const created = await call('encounter:create', check.request);
      setValues(EMPTY);
      onCreated(created);
    } catch (caught) {
      setError(toBackendError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={formRef}
      id="new-encounter"
      className="card form new-encounter"
      aria-labelledby="new-encounter-title"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h2 id="new-encounter-title">New encounter</h2>
      <ErrorAlert
        title="The encounter was not created."
        error={error}
        onDismiss={() => {
          setError(null);
        }}
      />
      <div className="form-grid">
        <TextField
          id="new-encounter-name"
          label="Patient name"
          autoComplete="off"
          required
          autoFocus
          maxLength={LIMITS.name}
          value={values.name}
          onChange={update('name')}
          error={errors.name}
        />
        <TextField
          id="new-encounter-dob"
          label="Date of birth"
          type="date"
          required
          min={EARLIEST_DOB}
          max={today}
          value={values.dob}
          onChange={update('dob')}
          error={errors.dob}
        />
        <TextField
          id="new-encounter-mrn"
          label="MRN"
          autoComplete="off"
          required
          maxLength={LIMITS.mrn}
          value={values.mrn}
          onChange={update('mrn')}
          error={errors.mrn}
        />
        <TextField
          id="new-encounter-reason"
          className="field-wide"
          label="Reason for visit"
          autoComplete="off"
          maxLength={LIMITS.reason}
          value={values.reason}
          onChange={update('reason')}
          error={errors.reason}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create encounter'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
};
