import type { QuietchartApi } from '../../../common/api';
import type { Channel, EventName, EventPayload, RequestOf, ResponseOf } from '../../../common/contract';
import type { ErrorCode } from '../../../common/errors';
import type { IpcResult } from '../../../common/result';

/**
 * The renderer's only door to main. Type-only imports from common/ keep zod (and its eval probe)
 * out of the bundle: main validates every request and response anyway.
 */
export class BackendError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
  }
}

export const getApi = (): QuietchartApi => {
  const api = globalThis.quietchart;
  if (!api) {
    throw new BackendError('INTERNAL', 'Quietchart could not connect to its background service. Restart the app.');
  }
  return api;
};

const lockListeners = new Set<() => void>();

/** Called whenever main reports the store locked, so the app can ask for the passphrase in place. */
export const onLocked = (listener: () => void): (() => void) => {
  lockListeners.add(listener);
  return () => {
    lockListeners.delete(listener);
  };
};

/** Invoke a contract channel; resolves with the value or throws a BackendError carrying the stable code. */
export const call = async <C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> => {
  const api = getApi();
  let result: IpcResult<ResponseOf<C>>;
  try {
    result = await api.invoke(channel, request);
  } catch {
    // A rejected invoke means the transport broke, not that the service said no.
    throw new BackendError('INTERNAL', 'Lost contact with the Quietchart background service. Try again.');
  }
  if (!result.ok) {
    if (result.error.code === 'STORE_LOCKED') for (const listener of [...lockListeners]) listener();
    throw new BackendError(result.error.code, result.error.message);
  }
  return result.value;
};

export const subscribe = <E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): (() => void) =>
  getApi().on(event, handler);

export const toBackendError = (error: unknown): BackendError =>
  error instanceof BackendError ? error : new BackendError('INTERNAL', 'Something went wrong in the app. Try again.');
