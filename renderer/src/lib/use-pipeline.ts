import { useCallback, useEffect, useRef, useState } from 'react';
import { BackendError, call, toBackendError } from './api';
import { watchJob, type JobWatch } from './jobs';

export type Template = 'soap' | 'history-and-physical' | 'progress';

export type PipelineState =
  | { phase: 'idle' }
  | { phase: 'running'; jobId: string | null; done: number; total: number; cancelling: boolean }
  | {
      phase: 'succeeded';
      version: number;
      findings: number;
      source: 'llm' | 'composer';
      /** Why the on-device model did not write it, when one was asked to. */
      fallback: { code: string; message: string } | null;
    }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: BackendError };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Runs the language pipeline as a job for one encounter, following its progress; `onSucceeded` reloads what it wrote. */
export const usePipeline = (encounterId: string, onSucceeded: () => Promise<void>) => {
  const [state, setState] = useState<PipelineState>({ phase: 'idle' });
  const watchRef = useRef<JobWatch | null>(null);
  const jobIdRef = useRef<string | null>(null);

  // Leaving the page stops listening; the job itself finishes in main and its note is stored.
  useEffect(
    () => () => {
      watchRef.current?.stop();
    },
    [encounterId],
  );

  const run = useCallback(
    async (template: Template): Promise<void> => {
      watchRef.current?.stop();
      setState({ phase: 'running', jobId: null, done: 0, total: 0, cancelling: false });
      const watch = watchJob('language-pipeline', (done, total) => {
        setState((prev) => (prev.phase === 'running' ? { ...prev, done, total } : prev));
      });
      watchRef.current = watch;
      try {
        const handle = await call('pipeline:run', { encounterId, template });
        jobIdRef.current = handle.jobId;
        setState((prev) => (prev.phase === 'running' ? { ...prev, jobId: handle.jobId } : prev));
        watch.started(handle.jobId);
      } catch (caught) {
        watch.stop();
        setState({ phase: 'failed', error: toBackendError(caught) });
        return;
      }
      const finished = await watch.finished;
      jobIdRef.current = null;
      switch (finished.outcome) {
        case 'succeeded': {
          const result = isRecord(finished.result) ? finished.result : {};
          try {
            await onSucceeded();
            setState({
              phase: 'succeeded',
              version: typeof result.version === 'number' ? result.version : 0,
              findings: typeof result.findings === 'number' ? result.findings : 0,
              source: result.source === 'llm' ? 'llm' : 'composer',
              fallback:
                isRecord(result.fallback) &&
                typeof result.fallback.code === 'string' &&
                typeof result.fallback.message === 'string'
                  ? { code: result.fallback.code, message: result.fallback.message }
                  : null,
            });
          } catch (caught) {
            setState({ phase: 'failed', error: toBackendError(caught) });
          }
          return;
        }
        case 'failed': {
          setState({ phase: 'failed', error: new BackendError(finished.error.code, finished.error.message) });
          return;
        }
        case 'cancelled':
          setState({ phase: 'cancelled' });
          return;
        default: {
          const unknown: never = finished;
          throw new Error(`Unknown job outcome ${String(unknown)}`);
        }
      }
    },
    [encounterId, onSucceeded],
  );

  const cancel = useCallback(async (): Promise<void> => {
    const jobId = jobIdRef.current;
    if (!jobId) return;
    setState((prev) => (prev.phase === 'running' ? { ...prev, cancelling: true } : prev));
    try {
      await call('job:cancel', { jobId });
    } catch (caught) {
      setState({ phase: 'failed', error: toBackendError(caught) });
    }
  }, []);

  /** Forgets how the last run ended (a running job keeps its progress). */
  const reset = useCallback((): void => {
    setState((prev) => (prev.phase === 'running' ? prev : { phase: 'idle' }));
  }, []);

  return { state, run, cancel, reset };
};
