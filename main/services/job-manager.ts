import { randomUUID } from 'node:crypto';
import type { JobHandle, JobKind } from '../../common/contract';
import { AppError, toErrorPayload } from '../../common/errors';
import type { Logger } from '../log/logger';
import type { EventHub } from './event-hub';

export type JobContext = {
  signal: AbortSignal;
  progress: (done: number, total: number) => void;
};
export type JobBody = (ctx: JobContext) => Promise<unknown>;

/**
 * Long work runs as a job: the caller gets an id at once, progress and the outcome arrive as events,
 * and every job can be cancelled through its AbortSignal. Failures never escape as rejections.
 */
export type JobManager = {
  start(kind: JobKind, body: JobBody): JobHandle;
  cancel(jobId: string): boolean;
  /** Resolves when the job has finished (tests and the CLI wait on this). */
  settled(jobId: string): Promise<void>;
  cancelAll(): Promise<void>;
};

export const createJobManager = (events: EventHub, log: Logger): JobManager => {
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();

  const run = async (jobId: string, kind: JobKind, body: JobBody, controller: AbortController): Promise<void> => {
    const started = performance.now();
    const progress = (done: number, total: number): void => {
      if (!controller.signal.aborted) events.emit('job:progress', { jobId, kind, done, total });
    };
    try {
      const result = await body({ signal: controller.signal, progress });
      if (controller.signal.aborted) throw new AppError('JOB_CANCELLED', 'The job was cancelled.');
      events.emit('job:finished', { jobId, kind, outcome: 'succeeded', result });
      log.info('job.succeeded', { jobId, kind, ms: Math.round(performance.now() - started) });
    } catch (error) {
      const payload = toErrorPayload(error);
      if (payload.code === 'JOB_CANCELLED' || controller.signal.aborted) {
        events.emit('job:finished', { jobId, kind, outcome: 'cancelled' });
        log.info('job.cancelled', { jobId, kind });
      } else {
        events.emit('job:finished', { jobId, kind, outcome: 'failed', error: payload });
        log.warn('job.failed', { jobId, kind, code: payload.code });
      }
    } finally {
      running.delete(jobId);
    }
  };

  return {
    start(kind, body) {
      const jobId = randomUUID();
      const controller = new AbortController();
      // Start on the next tick so the caller can return the handle (and subscribe) before events flow.
      const done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => run(jobId, kind, body, controller));
      running.set(jobId, { controller, done });
      return { jobId, kind };
    },
    cancel(jobId) {
      const job = running.get(jobId);
      if (!job) return false;
      job.controller.abort();
      return true;
    },
    async settled(jobId) {
      await running.get(jobId)?.done;
    },
    async cancelAll() {
      const all = [...running.values()];
      for (const job of all) job.controller.abort();
      await Promise.all(all.map((job) => job.done));
    },
  };
};
