import type { AppErrorPayload } from './errors';

/** What every IPC call resolves to: errors travel as data, never as thrown objects across the bridge. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorPayload };

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (error: AppErrorPayload): IpcResult<never> => ({ ok: false, error });
