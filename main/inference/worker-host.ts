import { AppError } from '../../common/errors';
import { createLogger } from '../log/logger';
import { methodSchema, workerMessageSchema } from './worker-protocol';
import { execArgvFor, forkSpawner, type WorkerExit, type WorkerProcess, type WorkerSpawner } from './worker-spawner';

const log = createLogger('inference.host');

export type WorkerHostOptions = {
  /** worker-entry.ts (sources/tests) or the bundled inference-worker.cjs: see resolveWorkerEntry. */
  entry: string;
  spawner?: WorkerSpawner;
  /** Extra Node flags for the worker. */
  execArgv?: string[];
  /** V8 heap cap for the worker; exceeding it kills the worker (INFERENCE_WORKER_CRASHED), not the app. */
  maxOldSpaceSizeMb?: number;
  /** Stop an idle worker after this long (frees model memory); 0 or absent keeps it. */
  idleUnloadMs?: number;
  readyTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  serviceName?: string;
  /** Test only: handler modules under tests/. Honoured only by an unbundled worker with NODE_ENV=test. */
  extraHandlerModules?: string[];
};

export type RequestOptions = {
  signal?: AbortSignal;
  onProgress?: (progress: unknown) => void;
  /** On expiry the request fails (INFERENCE_FAILED) and the worker is restarted: a stuck native call cannot be interrupted otherwise. */
  timeoutMs?: number;
};

export type WorkerHostStats = {
  running: boolean;
  pid: number | null;
  starts: number;
  crashes: number;
  pending: number;
};

export type WorkerHost = {
  request: <T = unknown>(method: string, params?: unknown, options?: RequestOptions) => Promise<T>;
  stats: () => WorkerHostStats;
  /** Stops the worker if it has no pending request; the next request starts a fresh one. */
  unload: () => Promise<void>;
  /** Stops the worker; pending requests fail with JOB_CANCELLED and new ones with INTERNAL. */
  shutdown: () => Promise<void>;
};

type Pending = {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: AppError) => void;
  onProgress: ((progress: unknown) => void) | undefined;
};

type Worker = {
  proc: WorkerProcess;
  pending: Map<number, Pending>;
  ready: Promise<void>;
  markReady: () => void;
  isReady: boolean;
  /** Set when we stop it on purpose: its exit is not a crash. */
  stopping: 'unload' | 'shutdown' | 'timeout' | null;
  exited: Promise<void>;
};

const crashed = (): AppError =>
  new AppError('INFERENCE_WORKER_CRASHED', 'The inference worker stopped unexpectedly; the request failed.');

export const createWorkerHost = (options: WorkerHostOptions): WorkerHost => {
  const spawner = options.spawner ?? forkSpawner;
  let current: Worker | null = null;
  let nextId = 1;
  let starts = 0;
  let crashes = 0;
  let closed = false;
  let idleTimer: NodeJS.Timeout | null = null;

  const clearIdle = (): void => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
  };

  const stop = (worker: Worker, reason: NonNullable<Worker['stopping']>): Promise<void> => {
    worker.stopping ??= reason;
    if (current === worker) current = null; // the next request starts a fresh worker
    worker.proc.kill();
    return worker.exited;
  };

  const scheduleIdle = (worker: Worker): void => {
    clearIdle();
    if (!options.idleUnloadMs || worker.pending.size > 0) return;
    idleTimer = setTimeout(() => {
      if (current === worker && worker.pending.size === 0) {
        log.info('host.idle_unload', { pid: worker.proc.pid ?? null });
        void stop(worker, 'unload');
      }
    }, options.idleUnloadMs);
    idleTimer.unref();
  };

  const settle = (worker: Worker, id: number): Pending | undefined => {
    const pending = worker.pending.get(id);
    worker.pending.delete(id);
    if (pending) scheduleIdle(worker);
    return pending;
  };

  const onExit = (worker: Worker, exit: WorkerExit): void => {
    if (current === worker) current = null;
    const pending = [...worker.pending.values()];
    worker.pending.clear();
    if (worker.stopping === null || worker.stopping === 'timeout') {
      crashes += worker.stopping === null ? 1 : 0;
      log.error('host.worker_exited', {
        code: 'INFERENCE_WORKER_CRASHED',
        exitCode: exit.code,
        signal: exit.signal,
        pending: pending.length,
      });
    }
    for (const p of pending) {
      p.reject(
        worker.stopping === 'shutdown'
          ? new AppError('JOB_CANCELLED', 'The inference worker was shut down.')
          : crashed(),
      );
    }
  };

  const onMessage = (worker: Worker, raw: unknown): void => {
    const parsed = workerMessageSchema.safeParse(raw);
    if (!parsed.success) {
      log.error('host.message_invalid', { code: 'VALIDATION_FAILED' });
      return;
    }
    const message = parsed.data;
    if ('ready' in message) {
      worker.markReady();
      log.info('host.worker_ready', { pid: message.pid, methods: message.methods.length });
    } else if ('progress' in message) {
      worker.pending.get(message.id)?.onProgress?.(message.progress);
    } else {
      const pending = settle(worker, message.id);
      if (!pending) return; // cancelled or timed out earlier: the late answer is dropped
      if (message.ok) pending.resolve(message.value);
      else pending.reject(new AppError(message.error.code, message.error.message));
    }
  };

  const spawn = (): Worker => {
    const execArgv = execArgvFor(options.entry, [
      ...(options.maxOldSpaceSizeMb ? [`--max-old-space-size=${options.maxOldSpaceSizeMb}`] : []),
      ...(options.execArgv ?? []),
    ]);
    const proc = spawner({
      entry: options.entry,
      args: (options.extraHandlerModules ?? []).map((file) => `--extra-handlers=${file}`),
      execArgv,
      env: options.env ?? process.env,
      serviceName: options.serviceName ?? 'quietchart-inference',
    });
    starts += 1;
    let markReady = (): void => undefined;
    let markExited = (): void => undefined;
    const worker: Worker = {
      proc,
      pending: new Map(),
      ready: new Promise<void>((resolve) => {
        markReady = resolve;
      }),
      markReady: () => {
        worker.isReady = true;
        markReady();
      },
      isReady: false,
      stopping: null,
      exited: new Promise<void>((resolve) => {
        markExited = resolve;
      }),
    };
    const readyTimer = setTimeout(() => {
      if (!worker.isReady) {
        log.error('host.worker_not_ready', { code: 'INFERENCE_WORKER_CRASHED' });
        proc.kill();
      }
    }, options.readyTimeoutMs ?? 60_000);
    readyTimer.unref();
    proc.onMessage((raw) => {
      onMessage(worker, raw);
    });
    proc.onExit((exit) => {
      clearTimeout(readyTimer);
      onExit(worker, exit);
      markExited();
    });
    return worker;
  };

  const request = <T>(method: string, params?: unknown, opts: RequestOptions = {}): Promise<T> => {
    if (closed) return Promise.reject(new AppError('INTERNAL', 'The inference worker host was shut down.'));
    if (!methodSchema.safeParse(method).success) {
      return Promise.reject(new AppError('VALIDATION_FAILED', 'Invalid worker method name.'));
    }
    if (opts.signal?.aborted) return Promise.reject(new AppError('JOB_CANCELLED', 'The request was cancelled.'));
    clearIdle();
    const worker = current ?? (current = spawn());
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | null = null;
      const cleanup = (): void => {
        if (timer) clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = (): void => {
        if (!settle(worker, id)) return;
        cleanup();
        if (worker.isReady) {
          try {
            worker.proc.send({ id, cancel: true });
          } catch {
            // Channel already closed: nothing to cancel.
          }
        }
        reject(new AppError('JOB_CANCELLED', 'The request was cancelled.'));
      };
      worker.pending.set(id, {
        method,
        resolve: (value) => {
          cleanup();
          resolve(value as T);
        },
        reject: (error) => {
          cleanup();
          reject(error);
        },
        onProgress: opts.onProgress,
      });
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      const startTimer = (timeoutMs: number): void => {
        timer = setTimeout(() => {
          const pending = settle(worker, id);
          if (!pending) return;
          log.error('host.request_timeout', { code: 'INFERENCE_FAILED', method, ms: timeoutMs });
          pending.reject(new AppError('INFERENCE_FAILED', 'The inference request timed out.'));
          void stop(worker, 'timeout');
        }, timeoutMs);
      };
      void worker.ready.then(() => {
        if (!worker.pending.has(id)) return;
        try {
          worker.proc.send({ id, method, params });
        } catch {
          const pending = settle(worker, id);
          pending?.reject(new AppError('VALIDATION_FAILED', 'The request could not be sent to the inference worker.'));
          return;
        }
        // Counted from the hand-over: a cold start is not the request's fault.
        if (opts.timeoutMs) startTimer(opts.timeoutMs);
      });
    });
  };

  return {
    request,
    stats: () => ({
      running: current !== null,
      pid: current?.proc.pid ?? null,
      starts,
      crashes,
      pending: current?.pending.size ?? 0,
    }),
    unload: async () => {
      if (current && current.pending.size === 0) await stop(current, 'unload');
    },
    shutdown: async () => {
      closed = true;
      clearIdle();
      if (current) await stop(current, 'shutdown');
    },
  };
};
