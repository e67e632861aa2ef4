import { AppError, isAppError, type AppErrorPayload } from '../../common/errors';
import { createLogger } from '../log/logger';
import { hostMessageSchema, isCancel, type RequestMessage, type WorkerMessage } from './worker-protocol';
import type { HandlerRegistry } from './worker-registry';
import type { WorkerTransport } from './worker-transport';

const log = createLogger('inference.worker');

const toPayload = (error: unknown, signal: AbortSignal): AppErrorPayload => {
  if (isAppError(error)) return error.toPayload();
  if (signal.aborted) return { code: 'JOB_CANCELLED', message: 'The request was cancelled.' };
  // Anything else may carry input text in its message: send only a generic one.
  return { code: 'INFERENCE_FAILED', message: 'The inference worker failed to process the request.' };
};

/** Runs requests from the host against the registry until the process ends. */
export const startWorker = (registry: HandlerRegistry, transport: WorkerTransport): void => {
  const active = new Map<number, AbortController>();
  const send = (message: WorkerMessage): void => {
    transport.send(message);
  };

  const run = async (request: RequestMessage): Promise<void> => {
    const handler = registry.get(request.method);
    if (!handler) {
      send({ id: request.id, ok: false, error: { code: 'NOT_FOUND', message: `No worker method ${request.method}.` } });
      return;
    }
    const controller = new AbortController();
    active.set(request.id, controller);
    const started = Date.now();
    try {
      const value = await handler(request.params, {
        signal: controller.signal,
        progress: (progress) => {
          if (active.has(request.id)) send({ id: request.id, progress });
        },
      });
      if (controller.signal.aborted) throw new AppError('JOB_CANCELLED', 'The request was cancelled.');
      try {
        send({ id: request.id, ok: true, value });
      } catch (error) {
        log.error('worker.result_unsendable', { method: request.method, code: 'INFERENCE_FAILED' });
        send({ id: request.id, ok: false, error: toPayload(error, controller.signal) });
      }
    } catch (error) {
      const payload = toPayload(error, controller.signal);
      log.warn('worker.request_failed', { method: request.method, code: payload.code, ms: Date.now() - started });
      send({ id: request.id, ok: false, error: payload });
    } finally {
      active.delete(request.id);
    }
  };

  transport.onMessage((raw) => {
    const parsed = hostMessageSchema.safeParse(raw);
    if (!parsed.success) {
      log.error('worker.message_invalid', { code: 'VALIDATION_FAILED' });
      return;
    }
    const message = parsed.data;
    if (isCancel(message)) {
      active.get(message.id)?.abort();
      return;
    }
    if (active.has(message.id)) {
      log.error('worker.duplicate_id', { code: 'VALIDATION_FAILED', id: message.id });
      return;
    }
    void run(message);
  });
  send({ ready: true, pid: process.pid, methods: registry.methods() });
};
