import { afterEach, describe, expect, it } from 'vitest';
import type { QuietchartApi } from '../../../common/api';
import { watchJob } from '../../../renderer/src/lib/jobs';

type Handler = (payload: unknown) => void;

/** A stand-in for the Electron boundary (window.quietchart): it only delivers events. */
const fakeApi = () => {
  const handlers = new Map<string, Set<Handler>>();
  const api = {
    invoke: () => Promise.reject(new Error('not used')),
    on: (event: string, handler: Handler) => {
      const set = handlers.get(event) ?? new Set<Handler>();
      set.add(handler);
      handlers.set(event, set);
      return () => set.delete(handler);
    },
  };
  const emit = (event: string, payload: unknown): void => {
    for (const handler of handlers.get(event) ?? []) handler(payload);
  };
  const listeners = (): number => [...handlers.values()].reduce((n, set) => n + set.size, 0);
  return { api: api as unknown as QuietchartApi, emit, listeners };
};

// The renderer reads window.quietchart; the tests project does not see the renderer's global declaration.
afterEach(() => {
  Reflect.deleteProperty(globalThis, 'quietchart');
});

describe('following a job', () => {
  it('keeps a finish that arrives before the start call answers, and ignores other jobs', async () => {
    const fake = fakeApi();
    Reflect.set(globalThis, 'quietchart', fake.api);
    const progress: Array<[number, number]> = [];
    const watch = watchJob('language-pipeline', (done, total) => progress.push([done, total]));
    fake.emit('job:progress', { jobId: 'other', kind: 'language-pipeline', done: 1, total: 3 });
    fake.emit('job:progress', { jobId: 'j1', kind: 'language-pipeline', done: 2, total: 3 });
    fake.emit('job:finished', { jobId: 'other', kind: 'language-pipeline', outcome: 'cancelled' });
    fake.emit('job:finished', { jobId: 'j1', kind: 'language-pipeline', outcome: 'succeeded', result: {} });
    watch.started('j1');
    await expect(watch.finished).resolves.toMatchObject({ jobId: 'j1', outcome: 'succeeded' });
    expect(progress).toEqual([[2, 3]]);
    expect(fake.listeners()).toBe(0);
  });

  it('reports progress as it comes once the job id is known', async () => {
    const fake = fakeApi();
    Reflect.set(globalThis, 'quietchart', fake.api);
    const progress: number[] = [];
    const watch = watchJob('language-pipeline', (done) => progress.push(done));
    watch.started('j2');
    fake.emit('job:progress', { jobId: 'j2', kind: 'language-pipeline', done: 1, total: 3 });
    fake.emit('job:progress', { jobId: 'j2', kind: 'audit-verify', done: 9, total: 9 });
    fake.emit('job:finished', {
      jobId: 'j2',
      kind: 'language-pipeline',
      outcome: 'failed',
      error: { code: 'INTERNAL', message: 'x' },
    });
    await expect(watch.finished).resolves.toMatchObject({ outcome: 'failed' });
    expect(progress).toEqual([1]);
  });
});
