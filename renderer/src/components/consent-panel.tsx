import { useState } from 'react';
import type { Consent } from '../../../common/domain';
import { call, toBackendError, type BackendError } from '../lib/api';
import { ErrorAlert } from './error-alert';

type Props = { encounterId: string; consent: Consent; onChange: (consent: Consent) => void };
type ConsentKey = keyof Consent;

const ITEMS: ReadonlyArray<{ key: ConsentKey; label: string; description: string }> = [
  {
    key: 'recording',
    label: 'Recording',
    description: 'Audio of this visit may be recorded and kept encrypted on this device.',
  },
  {
    key: 'aiProcessing',
    label: 'AI processing',
    description: 'The transcript, findings and draft note may be produced by models running on this device.',
  },
  {
    key: 'learning',
    label: 'Learning',
    description:
      'Corrections to this note may train the shared models with differential privacy. No text leaves the device.',
  },
];

/**
 * Consent switches save immediately and show the stored value only: the switch flips when main
 * confirms, so what is shown is never ahead of what is recorded.
 */
export const ConsentPanel = ({ encounterId, consent, onChange }: Props) => {
  const [pending, setPending] = useState<ConsentKey | null>(null);
  const [error, setError] = useState<BackendError | null>(null);
  const [saved, setSaved] = useState('');

  const toggle = async (key: ConsentKey, value: boolean): Promise<void> => {
    setPending(key);
    setError(null);
    setSaved('');
    try {
      const next = await call('encounter:setConsent', { id: encounterId, consent: { [key]: value } });
      onChange(next);
      const label = ITEMS.find((item) => item.key === key)?.label ?? key;
      setSaved(`${label} consent ${value ? 'given' : 'withdrawn'}.`);
    } catch (caught) {
      setError(toBackendError(caught));
    } finally {
      setPending(null);
    }
  };

  return (
    <section className="card consent" aria-labelledby="consent-title">
      <h2 id="consent-title">Consent</h2>
      <p className="muted">Confirm with the patient before recording starts. Changes are saved and audited.</p>
      <ErrorAlert
        title="Consent was not changed."
        error={error}
        onDismiss={() => {
          setError(null);
        }}
      />
      <ul className="consent-list">
        {ITEMS.map((item) => {
          const id = `consent-${item.key}`;
          return (
            <li key={item.key} className="consent-item">
              <input
                id={id}
                type="checkbox"
                role="switch"
                className="switch"
                checked={consent[item.key]}
                disabled={pending !== null}
                aria-describedby={`${id}-description`}
                onChange={(event) => void toggle(item.key, event.target.checked)}
              />
              <div>
                <label htmlFor={id} className="consent-label">
                  {item.label}
                </label>
                <p id={`${id}-description`} className="field-hint">
                  {item.description}
                </p>
              </div>
              <span className={`consent-state${consent[item.key] ? ' consent-on' : ''}`} aria-hidden="true">
                {pending === item.key ? 'Saving…' : consent[item.key] ? 'Given' : 'Not given'}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="status-line" role="status">
        {saved}
      </p>
    </section>
  );
};
