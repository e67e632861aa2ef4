import { afterEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../main/log/logger';
import type { WorkerHost } from '../../../main/inference/worker-host';
import { createTestHost } from './worker-helpers';

const hosts: WorkerHost[] = [];
const host = (...args: Parameters<typeof createTestHost>): WorkerHost => {
  const created = createTestHost(...args);
  hosts.push(created);
  return created;
};
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.shutdown()));
});

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return (error as { code?: string }).code ?? 'no-code';
  }
};

describe('the inference worker host', () => {
  it('runs a request in a separate process and returns its value', async () => {
    const h = host();
    const result = await h.request<{ text: string; pid: number }>('test.echo', { text: 'hello' });
    expect(result.text).toBe('hello');
    expect(result.pid).not.toBe(process.pid);
    expect(h.stats()).toMatchObject({ running: true, starts: 1, crashes: 0, pending: 0 });
    expect(await h.request('worker.ping')).toMatchObject({ pid: result.pid });
  });

  it('passes typed arrays through the channel as typed arrays', async () => {
    const samples = Float32Array.from({ length: 16000 }, () => 0.5);
    expect(await host().request('test.sum', { samples })).toEqual({ sum: 8000, length: 16000 });
  });

  it('reports errors by code and never forwards a foreign error message', async () => {
    const h = host();
    await expect(h.request('test.echo', { text: 42 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(h.request('test.nothing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const failure = h.request('test.fail');
    await expect(failure).rejects.toMatchObject({ code: 'INFERENCE_FAILED' });
    await expect(failure).rejects.not.toThrow(/Maria/);
    await expect(h.request('not a method')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('streams progress events before the result', async () => {
    const events: unknown[] = [];
    const result = await host().request('test.progress', { steps: 5 }, { onProgress: (p) => events.push(p) });
    expect(result).toEqual({ steps: 5 });
    expect(events).toEqual([1, 2, 3, 4, 5].map((done) => ({ done, total: 5 })));
  });

  it('cancels a request: the caller gets JOB_CANCELLED and the handler sees its signal abort', async () => {
    const h = host();
    const controller = new AbortController();
    const pending = h.request(
      'test.waitForCancel',
      {},
      {
        signal: controller.signal,
        onProgress: () => {
          controller.abort();
        },
      },
    );
    expect(await codeOf(pending)).toBe('JOB_CANCELLED');
    expect(h.stats().pending).toBe(0);
    await expect.poll(() => h.request('test.cancelsSeen')).toBe(1);
    expect(await h.request('test.echo', { text: 'after cancel' })).toMatchObject({ text: 'after cancel' });
    expect(h.stats().starts).toBe(1);
  });

  it('fails the pending request with INFERENCE_WORKER_CRASHED when the worker is killed, then restarts', async () => {
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line), 'debug');
    try {
      const h = host();
      const first = await h.request<{ pid: number }>('test.echo', { text: 'before' });
      const other = h.request('test.hang');
      expect(await codeOf(h.request('test.crash'))).toBe('INFERENCE_WORKER_CRASHED');
      expect(await codeOf(other)).toBe('INFERENCE_WORKER_CRASHED');
      const next = await h.request<{ pid: number }>('test.echo', { text: 'after' });
      expect(next.pid).not.toBe(first.pid);
      expect(h.stats()).toMatchObject({ starts: 2, crashes: 1 });
      expect(lines.some((l) => l.includes('"code":"INFERENCE_WORKER_CRASHED"') && l.includes('SIGKILL'))).toBe(true);
    } finally {
      restore();
    }
  });

  it('survives a worker that runs out of memory', async () => {
    // The cap must leave room for the worker's own start-up (~35 MB of heap with transformers.js loaded).
    const h = host({ maxOldSpaceSizeMb: 96 });
    expect(await codeOf(h.request('test.oom'))).toBe('INFERENCE_WORKER_CRASHED');
    expect(await h.request('test.echo', { text: 'still here' })).toMatchObject({ text: 'still here' });
    expect(h.stats().crashes).toBe(1);
  });

  it('ignores malformed messages from the worker and logs their error code', async () => {
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line), 'debug');
    try {
      const h = host();
      expect(await h.request('test.garbage')).toEqual({ sent: 2 });
      expect(lines.filter((l) => l.includes('host.message_invalid') && l.includes('VALIDATION_FAILED'))).toHaveLength(
        2,
      );
      expect(h.stats().crashes).toBe(0);
    } finally {
      restore();
    }
  });

  it('times out a stuck request and restarts the worker', async () => {
    const h = host();
    expect(await codeOf(h.request('test.hang', {}, { timeoutMs: 300 }))).toBe('INFERENCE_FAILED');
    expect(await h.request('test.echo', { text: 'fresh' })).toMatchObject({ text: 'fresh' });
    expect(h.stats()).toMatchObject({ starts: 2, crashes: 0 });
  });

  it('unloads an idle worker and starts a new one on the next request', async () => {
    const h = host({ idleUnloadMs: 100 });
    const first = await h.request<{ pid: number }>('test.echo', { text: 'a' });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(h.stats().running).toBe(false);
    const second = await h.request<{ pid: number }>('test.echo', { text: 'b' });
    expect(second.pid).not.toBe(first.pid);
    expect(h.stats()).toMatchObject({ starts: 2, crashes: 0 });
  });

  it('rejects pending requests on shutdown and refuses new ones', async () => {
    const h = host();
    await h.request('worker.ping');
    const pending = h.request('test.hang');
    await h.shutdown();
    expect(await codeOf(pending)).toBe('JOB_CANCELLED');
    expect(await codeOf(h.request('worker.ping'))).toBe('INTERNAL');
  });
});
