import { useCallback } from 'react';
import { call } from './api';
import { isRecord, useJob, type JobState } from './use-job';

export type Template = 'soap' | 'history-and-physical' | 'progress';

export type PipelineResult = {
  version: number;
  findings: number;
  source: 'llm' | 'composer';
  /** Why the on-device model did not write it, when one was asked to. */
  fallback: { code: string; message: string } | null;
};

export type PipelineState = JobState<PipelineResult>;

const parsePipeline = (result: Record<string, unknown>): PipelineResult => ({
  version: typeof result.version === 'number' ? result.version : 0,
  findings: typeof result.findings === 'number' ? result.findings : 0,
  source: result.source === 'llm' ? 'llm' : 'composer',
  fallback:
    isRecord(result.fallback) && typeof result.fallback.code === 'string' && typeof result.fallback.message === 'string'
      ? { code: result.fallback.code, message: result.fallback.message }
      : null,
});

/** Runs the language pipeline as a job for one encounter, following its progress; `onSucceeded` reloads what it wrote. */
export const usePipeline = (encounterId: string, onSucceeded: () => Promise<void>) => {
  const job = useJob('language-pipeline', parsePipeline, onSucceeded);
  const { run: runJob } = job;
  const run = useCallback(
    (template: Template): Promise<void> => runJob('Drafting', () => call('pipeline:run', { encounterId, template })),
    [encounterId, runJob],
  );
  return { state: job.state, run, cancel: job.cancel, reset: job.reset };
};
