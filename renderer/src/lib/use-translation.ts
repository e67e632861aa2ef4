import { useCallback, useEffect, useRef, useState } from 'react';
import { BackendError, call, toBackendError } from './api';
import { watchJob, type JobWatch } from './jobs';

export type TranslationState =
  | { phase: 'idle' }
  | { phase: 'running'; jobId: string | null; done: number; total: number }
  | { phase: 'succeeded'; translated: number; languages: Record<string, number> }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: BackendError };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Runs transcript:translate as a job for one encounter; `onSucceeded` reloads the stored segments. */
export const useTranslation = (encounterId: string, onSucceeded: () => Promise<void>) => {
  const [state, setState] = useState<TranslationState>({ phase: 'idle' });
  const watchRef = useRef<JobWatch | null>(null);
  useEffect(
    () => () => {
      watchRef.current?.stop();
    },
    [encounterId],
  );

  const run = useCallback(
    async (from: string | null): Promise<void> => {
      watchRef.current?.stop();
      setState({ phase: 'running', jobId: null, done: 0, total: 0 });
      const watch = watchJob('transcript-translate', (done, total) => {
        setState((prev) => (prev.phase === 'running' ? { ...prev, done, total } : prev));
      });
      watchRef.current = watch;
      try {
        const handle = await call('transcript:translate', { encounterId, ...(from ? { from } : {}) });
        setState((prev) => (prev.phase === 'running' ? { ...prev, jobId: handle.jobId } : prev));
        watch.started(handle.jobId);
      } catch (caught) {
        watch.stop();
        setState({ phase: 'failed', error: toBackendError(caught) });
        return;
      }
      const finished = await watch.finished;
      if (finished.outcome === 'succeeded') {
        const result = isRecord(finished.result) ? finished.result : {};
        await onSucceeded();
        setState({
          phase: 'succeeded',
          translated: typeof result.translated === 'number' ? result.translated : 0,
          languages: isRecord(result.languages) ? (result.languages as Record<string, number>) : {},
        });
      } else if (finished.outcome === 'failed')
        setState({ phase: 'failed', error: new BackendError(finished.error.code, finished.error.message) });
      else setState({ phase: 'cancelled' });
    },
    [encounterId, onSucceeded],
  );

  const cancel = useCallback(async (): Promise<void> => {
    if (state.phase !== 'running' || state.jobId === null) return;
    try {
      await call('job:cancel', { jobId: state.jobId });
    } catch (caught) {
      setState({ phase: 'failed', error: toBackendError(caught) });
    }
  }, [state]);

  return { state, run, cancel };
};
