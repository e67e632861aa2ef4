import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../../../common/contract';
import { call, toBackendError, type BackendError } from './api';

export type DraftState = {
  note: ResponseOf<'note:latest'>;
  findings: ResponseOf<'findings:list'> | null;
};

/** The latest draft note and its findings for one encounter; `reload` after the pipeline writes new ones. */
export const useDraft = (encounterId: string) => {
  const [draft, setDraft] = useState<DraftState | null>(null);
  const [error, setError] = useState<BackendError | null>(null);

  const load = useCallback(async (): Promise<DraftState> => {
    const [note, findings] = await Promise.all([
      call('note:latest', { encounterId }),
      call('findings:list', { encounterId }),
    ]);
    return { note, findings };
  }, [encounterId]);

  useEffect(() => {
    let current = true;
    setDraft(null);
    setError(null);
    load()
      .then((loaded) => {
        if (current) setDraft(loaded);
      })
      .catch((caught: unknown) => {
        if (current) setError(toBackendError(caught));
      });
    return () => {
      current = false;
    };
  }, [load]);

  /** Throws so the caller can report the failure where the user acted. */
  const reload = useCallback(async (): Promise<void> => {
    const loaded = await load();
    setError(null);
    setDraft(loaded);
  }, [load]);

  return { draft, error, reload };
};
