import type { z } from 'zod';
import { AppError } from '../../common/errors';

/** What a handler gets besides its params: a cancel signal and a way to report progress. */
export type HandlerContext = {
  signal: AbortSignal;
  progress: (value: unknown) => void;
};

export type WorkerHandler = (params: unknown, context: HandlerContext) => unknown;

/** A module of handlers, e.g. the speech engine's { 'asr.transcribeWindow': ..., 'model.load': ... }. */
export type HandlerModule = { name: string; handlers: Readonly<Record<string, WorkerHandler>> };

export type HandlerRegistry = {
  register: (method: string, handler: WorkerHandler) => void;
  registerModule: (module: HandlerModule) => void;
  get: (method: string) => WorkerHandler | undefined;
  methods: () => string[];
};

export const createHandlerRegistry = (): HandlerRegistry => {
  const handlers = new Map<string, WorkerHandler>();
  const register = (method: string, handler: WorkerHandler): void => {
    if (handlers.has(method)) throw new AppError('INTERNAL', `Worker method registered twice: ${method}`);
    handlers.set(method, handler);
  };
  return {
    register,
    registerModule: (module) => {
      for (const [method, handler] of Object.entries(module.handlers)) register(method, handler);
    },
    get: (method) => handlers.get(method),
    methods: () => [...handlers.keys()].sort(),
  };
};

/** Wraps a typed handler with zod validation of its params (they crossed a process boundary). */
export const defineHandler =
  <S extends z.ZodType, R>(
    schema: S,
    handler: (params: z.infer<S>, context: HandlerContext) => R | Promise<R>,
  ): WorkerHandler =>
  (params, context) => {
    const parsed = schema.safeParse(params);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'Invalid parameters for a worker method.');
    return handler(parsed.data, context);
  };
