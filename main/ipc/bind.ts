import { IPC_EVENT, IPC_INVOKE } from '../../common/api';
import { toErrorPayload } from '../../common/errors';
import { fail, type IpcResult } from '../../common/result';
import { dispatch } from '../services/dispatch';
import type { Runtime } from '../services/runtime';
import type { SenderCheck } from './sender-check';
import type { EventTargetLike, IpcMainLike } from './types';

export type BindIpcOptions = {
  ipcMain: IpcMainLike;
  runtime: Pick<Runtime, 'handlers' | 'events' | 'log'>;
  isTrustedSender: SenderCheck;
  /** Every live webContents (Electron's `webContents.getAllWebContents`); only trusted ones get events. */
  targets?: () => Iterable<EventTargetLike>;
};

const FORBIDDEN = fail({ code: 'FORBIDDEN_SENDER', message: 'This window may not call Quietchart.' });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Binds the whole IPC contract to one Electron handler: sender check, then the shared validated
 * dispatch path. Returns a function that unbinds everything (tests, and quitting).
 */
export const bindIpc = ({ ipcMain, runtime, isTrustedSender, targets }: BindIpcOptions): (() => void) => {
  const log = runtime.log.child('ipc');

  ipcMain.handle(IPC_INVOKE, async (event, message: unknown): Promise<IpcResult<unknown>> => {
    if (!isTrustedSender(event)) {
      log.warn('ipc.forbidden_sender', { senderId: event.sender.id });
      return FORBIDDEN;
    }
    const { channel, request } = isRecord(message) ? message : { channel: undefined, request: undefined };
    try {
      return await dispatch(runtime.handlers, channel, request, { senderId: event.sender.id }, log);
    } catch (error) {
      // dispatch shapes its own errors; this only guards against a bug escaping as a rejection.
      return fail(toErrorPayload(error));
    }
  });

  const unsubscribe = runtime.events.subscribe((event, payload) => {
    if (!targets) return;
    for (const target of targets()) {
      try {
        if (target.isDestroyed()) continue;
        if (!isTrustedSender({ sender: target, senderFrame: target.mainFrame })) continue;
        target.send(IPC_EVENT, { event, payload });
      } catch {
        // A window closing mid-send must not break delivery to the others.
        log.debug('ipc.event_send_failed', { event });
      }
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE);
  };
};
