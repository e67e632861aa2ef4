import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../common/contract';
import { AppError } from '../../../common/errors';
import { createLogger } from '../../../main/log/logger';
import { createEventHub } from '../../../main/services/event-hub';
import { createJobManager } from '../../../main/services/job-manager';

const setup = () => {
  const hub = createEventHub();
  const seen: Array<{ event: EventName; payload: unknown }> = [];
  hub.subscribe((event, payload) => seen.push({ event, payload }));
  return { jobs: createJobManager(hub, createLogger('test')), seen };
};

describe('jobs', () => {
  it('returns a handle at once, then reports progress and the result', async () => {
    const { jobs, seen } = setup();
    const handle = jobs.start('audit-verify', ({ progress }) => {
      progress(1, 2);
      progress(2, 2);
      return Promise.resolve({ answer: 42 });
    });
    expect(seen).toHaveLength(0);
    await jobs.settled(handle.jobId);
    expect(seen.map((s) => s.event)).toEqual(['job:progress', 'job:progress', 'job:finished']);
    expect(seen[2]!.payload).toEqual({
      jobId: handle.jobId,
      kind: 'audit-verify',
      outcome: 'succeeded',
      result: { answer: 42 },
    });
  });

  it('cancels a running job through its signal and reports it as cancelled', async () => {
    const { jobs, seen } = setup();
    const handle = jobs.start('audit-verify', async ({ signal }) => {
      while (!signal.aborted) await new Promise((r) => setTimeout(r, 5));
      throw new AppError('JOB_CANCELLED', 'cancelled');
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(jobs.cancel(handle.jobId)).toBe(true);
    await jobs.settled(handle.jobId);
    expect(seen.at(-1)!.payload).toEqual({ jobId: handle.jobId, kind: 'audit-verify', outcome: 'cancelled' });
    expect(jobs.cancel(handle.jobId)).toBe(false);
  });

  it('turns a failure into a failed event with a code and no internal text', async () => {
    const { jobs, seen } = setup();
    const handle = jobs.start('audit-verify', () => Promise.reject(new Error('patient Maria Synthetic broke it')));
    await jobs.settled(handle.jobId);
    expect(seen.at(-1)!.payload).toEqual({
      jobId: handle.jobId,
      kind: 'audit-verify',
      outcome: 'failed',
      error: { code: 'INTERNAL', message: 'An unexpected error occurred.' },
    });
  });
});
