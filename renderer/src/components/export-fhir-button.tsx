import { useState } from 'react';
import { call, toBackendError, type BackendError } from '../lib/api';

/** Saves the latest note as a FHIR R4 document Bundle (a .json file for the EHR's import). */
export const ExportFhirButton = ({ encounterId }: { encounterId: string }) => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BackendError | null>(null);
  const save = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const { fileName, json } = await call('note:exportFhir', { encounterId });
      const url = URL.createObjectURL(new Blob([json], { type: 'application/fhir+json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(url);
    } catch (caught) {
      setError(toBackendError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="copy">
      <button type="button" className="button button-small" disabled={busy} onClick={() => void save()}>
        {busy ? 'Exporting…' : 'Export FHIR'}
      </button>
      {error ? (
        <span className="copy-failed" role="alert">
          Could not export: {error.message}
        </span>
      ) : null}
    </span>
  );
};
