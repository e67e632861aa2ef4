import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobHandle } from '../../../common/contract';
import { BackendError, call, toBackendError } from './api';
import { watchJob, type JobWatch } from './jobs';

export type SpeechJobState =
  | { phase: 'idle' }
  | { phase: 'running'; jobId: string | null; done: number; total: number; label: string }
  | { phase: 'succeeded'; segments: number; languages: string[] }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: BackendError };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Follows a 'speech-transcribe' job (an imported file, or the end of a recording) to its end, then
 * reloads the encounter: the transcript, findings and draft note it wrote.
 */
export const useSpeechJob = (onSucceeded: () => Promise<void>) => {
  const [state, setState] = useState<SpeechJobState>({ phase: 'idle' });
  const watchRef = useRef<JobWatch | null>(null);

  useEffect(
    () => () => {
      watchRef.current?.stop();
    },
    [],
  );

  const run = useCallback(
    async (label: string, start: () => Promise<JobHandle>): Promise<void> => {
      watchRef.current?.stop();
      setState({ phase: 'running', jobId: null, done: 0, total: 0, label });
      const watch = watchJob('speech-transcribe', (done, total) => {
        setState((prev) => (prev.phase === 'running' ? { ...prev, done, total } : prev));
      });
      watchRef.current = watch;
      try {
        const handle = await start();
        setState((prev) => (prev.phase === 'running' ? { ...prev, jobId: handle.jobId } : prev));
        watch.started(handle.jobId);
      } catch (caught) {
        watch.stop();
        setState({ phase: 'failed', error: toBackendError(caught) });
        return;
      }
      const finished = await watch.finished;
      if (finished.outcome === 'failed') {
        setState({ phase: 'failed', error: new BackendError(finished.error.code, finished.error.message) });
        return;
      }
      if (finished.outcome === 'cancelled') {
        setState({ phase: 'cancelled' });
        return;
      }
      const result = isRecord(finished.result) ? finished.result : {};
      try {
        await onSucceeded();
        setState({
          phase: 'succeeded',
          segments: typeof result.segments === 'number' ? result.segments : 0,
          languages: Array.isArray(result.languages) ? result.languages.filter((l) => typeof l === 'string') : [],
        });
      } catch (caught) {
        setState({ phase: 'failed', error: toBackendError(caught) });
      }
    },
    [onSucceeded],
  );

  const cancel = useCallback(async (): Promise<void> => {
    if (state.phase !== 'running' || state.jobId === null) return;
    await call('job:cancel', { jobId: state.jobId });
  }, [state]);

  const reset = useCallback((): void => {
    setState((prev) => (prev.phase === 'running' ? prev : { phase: 'idle' }));
  }, []);

  return { state, run, cancel, reset };
};
