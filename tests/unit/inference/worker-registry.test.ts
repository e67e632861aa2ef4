import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { hostMessageSchema, workerMessageSchema } from '../../../main/inference/worker-protocol';
import { createHandlerRegistry, defineHandler } from '../../../main/inference/worker-registry';
import { WORKER_HANDLER_MODULES } from '../../../main/inference/worker-handlers';

const context = { signal: new AbortController().signal, progress: () => undefined };

describe('the worker handler registry', () => {
  it('registers modules and refuses a method registered twice', () => {
    const registry = createHandlerRegistry();
    for (const module of WORKER_HANDLER_MODULES) registry.registerModule(module);
    expect(registry.methods()).toEqual(expect.arrayContaining(['worker.ping', 'worker.memory']));
    expect(() => {
      registry.registerModule(WORKER_HANDLER_MODULES[0]!);
    }).toThrow(/twice/);
  });

  it('validates params with zod before the handler runs', async () => {
    const handler = defineHandler(z.object({ n: z.number() }), ({ n }) => n * 2);
    expect(await handler({ n: 2 }, context)).toBe(4);
    let code: unknown = null;
    try {
      await handler({ n: 'two' }, context);
    } catch (error) {
      code = (error as { code?: unknown }).code;
    }
    expect(code).toBe('VALIDATION_FAILED');
  });
});

describe('the worker protocol', () => {
  it('accepts the documented shapes', () => {
    expect(hostMessageSchema.safeParse({ id: 1, method: 'asr.transcribeWindow', params: { x: 1 } }).success).toBe(true);
    expect(hostMessageSchema.safeParse({ id: 1, cancel: true }).success).toBe(true);
    expect(workerMessageSchema.safeParse({ id: 1, progress: 0.5 }).success).toBe(true);
    expect(workerMessageSchema.safeParse({ id: 1, ok: true, value: null }).success).toBe(true);
    expect(
      workerMessageSchema.safeParse({ id: 1, ok: false, error: { code: 'INFERENCE_FAILED', message: 'x' } }).success,
    ).toBe(true);
    expect(workerMessageSchema.safeParse({ ready: true, pid: 1, methods: ['model.load'] }).success).toBe(true);
  });

  it('rejects malformed messages', () => {
    for (const bad of [
      null,
      'text',
      { id: 0, method: 'a.b', params: 1 },
      { id: 1, method: 'nodot', params: 1 },
      { id: 1, method: 'a.b', params: 1, extra: 1 },
      { id: 1, cancel: false },
    ]) {
      expect(hostMessageSchema.safeParse(bad).success).toBe(false);
    }
    expect(workerMessageSchema.safeParse({ id: 1, ok: false, error: { code: 'MADE_UP', message: 'x' } }).success).toBe(
      false,
    );
    expect(workerMessageSchema.safeParse({ id: 1, ok: 'yes' }).success).toBe(false);
  });
});
