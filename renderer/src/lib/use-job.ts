import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobHandle, JobKind } from '../../../common/contract';
import { BackendError, call, toBackendError } from './api';
import { watchJob, type JobWatch } from './jobs';

export type JobState<R> =
  | { phase: 'idle' }
  | { phase: 'running'; jobId: string | null; done: number; total: number; label: string; cancelling: boolean }
  | ({ phase: 'succeeded' } & R)
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: BackendError };

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * Follows one kind of job from its start call to its end: progress while it runs, `onSucceeded`
 * (reload what it wrote) and the parsed result after, or the error, or that it was cancelled.
 */
export const useJob = <R extends object>(
  kind: JobKind,
  parse: (result: Record<string, unknown>) => R,
  onSucceeded: () => Promise<void>,
) => {
  const [state, setState] = useState<JobState<R>>({ phase: 'idle' });
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
      setState({ phase: 'running', jobId: null, done: 0, total: 0, label, cancelling: false });
      const watch = watchJob(kind, (done, total) => {
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
      try {
        await onSucceeded();
        setState({ phase: 'succeeded', ...parse(isRecord(finished.result) ? finished.result : {}) });
      } catch (caught) {
        setState({ phase: 'failed', error: toBackendError(caught) });
      }
    },
    [kind, parse, onSucceeded],
  );

  const cancel = useCallback(async (): Promise<void> => {
    if (state.phase !== 'running' || state.jobId === null) return;
    setState((prev) => (prev.phase === 'running' ? { ...prev, cancelling: true } : prev));
    try {
      await call('job:cancel', { jobId: state.jobId });
    } catch (caught) {
      setState({ phase: 'failed', error: toBackendError(caught) });
    }
  }, [state]);

  const reset = useCallback((): void => {
    setState((prev) => (prev.phase === 'running' ? prev : { phase: 'idle' }));
  }, []);

  return { state, run, cancel, reset };
};
