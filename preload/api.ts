import { z } from 'zod';
import { IPC_EVENT, IPC_INVOKE, type QuietchartApi } from '../common/api';
import {
  channels,
  events,
  isChannel,
  isEventName,
  type Channel,
  type EventName,
  type EventPayload,
  type RequestOf,
  type ResponseOf,
} from '../common/contract';
import { AppError, ERROR_CODES } from '../common/errors';
import { fail, ok, type IpcResult } from '../common/result';

/** The part of Electron's `ipcRenderer` preload uses; tests pass a fake. */
export type IpcRendererLike = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
};

type AnyHandler = (payload: never) => void;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const Failure = z.strictObject({
  ok: z.literal(false),
  error: z.strictObject({ code: z.enum(ERROR_CODES), message: z.string() }),
});

const unexpected = (): IpcResult<never> =>
  fail({ code: 'INTERNAL', message: 'Quietchart did not answer as expected.' });

/**
 * `window.quietchart`, built over an ipcRenderer. Only contract channels are sent and only contract
 * events (with payloads that match their schema) reach the page; the Electron event object never
 * does, so the page cannot get hold of ipcRenderer through it.
 */
export const createPreloadApi = (ipc: IpcRendererLike): QuietchartApi => {
  const subscribers = new Map<EventName, Set<AnyHandler>>();

  // One listener for all events: subscriptions share it, so many `on` calls never pile up listeners.
  const onMessage = (_event: unknown, message: unknown): void => {
    if (!isRecord(message) || !isEventName(message.event)) return;
    const handlers = subscribers.get(message.event);
    if (!handlers || handlers.size === 0) return;
    const parsed = events[message.event].safeParse(message.payload);
    if (!parsed.success) return;
    for (const handler of [...handlers]) {
      try {
        (handler as (payload: unknown) => void)(parsed.data);
      } catch {
        // A failing page handler must not stop the others from hearing the event.
      }
    }
  };
  let listening = false;

  const invoke = async <C extends Channel>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>> => {
    if (!isChannel(channel)) return fail({ code: 'UNKNOWN_CHANNEL', message: 'Unknown channel.' });
    let result: unknown;
    try {
      result = await ipc.invoke(IPC_INVOKE, { channel, request });
    } catch {
      return unexpected();
    }
    const failure = Failure.safeParse(result);
    if (failure.success) return failure.data;
    if (!isRecord(result) || result.ok !== true) return unexpected();
    // Main already validated the response; checking again here keeps the page's types honest.
    const checked = channels[channel].response.safeParse(result.value);
    if (!checked.success) return unexpected();
    // The schema for channel C produced this value; TS cannot narrow a union-indexed schema by C.
    return ok(checked.data as ResponseOf<C>);
  };

  const api: QuietchartApi = {
    invoke,
    on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void) {
      if (!isEventName(event)) throw new AppError('UNKNOWN_CHANNEL', 'Unknown event.');
      if (typeof handler !== 'function') {
        throw new AppError('VALIDATION_FAILED', 'An event handler must be a function.');
      }
      if (!listening) {
        ipc.on(IPC_EVENT, onMessage);
        listening = true;
      }
      const set = subscribers.get(event) ?? new Set<AnyHandler>();
      subscribers.set(event, set);
      // Wrap so the same function subscribed twice gets two independent subscriptions.
      const entry: AnyHandler = (payload) => {
        handler(payload);
      };
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
  };
  return Object.freeze(api);
};
