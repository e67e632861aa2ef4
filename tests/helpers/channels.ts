import type { EventName } from '../../common/contract';
import { createLogger } from '../../main/log/logger';
import { dispatch } from '../../main/services/dispatch';
import type { Runtime } from '../../main/services/runtime';

const log = createLogger('test');

/**
 * Calls contract channels on a runtime as the renderer would (validated by dispatch), and records its
 * events so a job's outcome can be awaited.
 */
export const channelsOf = (rt: Runtime) => {
  const events: Array<{ event: EventName; payload: unknown }> = [];
  rt.events.subscribe((event, payload) => events.push({ event, payload }));
  const call = (channel: string, request: unknown) => dispatch(rt.handlers, channel, request, { senderId: 1 }, log);
  /** Starts a job through `channel` and resolves with its job:finished payload (or the refusal). */
  const finished = async (channel: string, request: unknown): Promise<Record<string, unknown>> => {
    const started = await call(channel, request);
    if (!started.ok) return { refused: started.error };
    const { jobId } = started.value as { jobId: string };
    await rt.jobs.settled(jobId);
    const done = events.find((e) => e.event === 'job:finished' && (e.payload as { jobId: string }).jobId === jobId);
    return done?.payload as Record<string, unknown>;
  };
  return { events, call, finished };
};
