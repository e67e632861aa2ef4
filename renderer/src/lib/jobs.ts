import type { JobFinished, JobKind } from '../../../common/contract';
import { subscribe } from './api';

/**
 * Follows one job from start to finish. It subscribes before the job starts and buffers events
 * until the job id is known, because a quick job may finish before its start call has answered.
 */
export type JobWatch = {
  /** Call with the handle once the start call answers; events for other jobs are ignored. */
  started(jobId: string): void;
  finished: Promise<JobFinished>;
  stop(): void;
};

export const watchJob = (kind: JobKind, onProgress: (done: number, total: number) => void): JobWatch => {
  let jobId: string | null = null;
  const progress: Array<{ jobId: string; done: number; total: number }> = [];
  const finishedEvents: JobFinished[] = [];
  let resolveFinished: (value: JobFinished) => void = () => undefined;
  const finished = new Promise<JobFinished>((resolve) => {
    resolveFinished = resolve;
  });

  const deliver = (): void => {
    if (jobId === null) return;
    for (const event of progress.splice(0)) if (event.jobId === jobId) onProgress(event.done, event.total);
    const done = finishedEvents.find((event) => event.jobId === jobId);
    finishedEvents.length = 0;
    if (done) {
      stop();
      resolveFinished(done);
    }
  };

  const stopProgress = subscribe('job:progress', (event) => {
    if (event.kind !== kind) return;
    progress.push(event);
    deliver();
  });
  const stopFinished = subscribe('job:finished', (event) => {
    if (event.kind !== kind) return;
    finishedEvents.push(event);
    deliver();
  });
  const stop = (): void => {
    stopProgress();
    stopFinished();
  };

  return {
    started(id) {
      jobId = id;
      deliver();
    },
    finished,
    stop,
  };
};
