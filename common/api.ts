import type { Channel, EventName, EventPayload, RequestOf, ResponseOf } from './contract';
import type { IpcResult } from './result';

/**
 * The one object the renderer sees as `window.quietchart`. Preload implements it over Electron IPC;
 * the E2E bridge implements it over a loopback WebSocket. Both must behave identically.
 */
export type QuietchartApi = {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>>;
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void;
};

/** Electron IPC channel names used on the wire, one per contract direction. */
export const IPC_INVOKE = 'quietchart:invoke';
export const IPC_EVENT = 'quietchart:event';
