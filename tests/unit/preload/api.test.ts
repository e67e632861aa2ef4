import { describe, expect, it, vi } from 'vitest';
import { IPC_EVENT, IPC_INVOKE } from '../../../common/api';
import type { Channel } from '../../../common/contract';
import { createPreloadApi, type IpcRendererLike } from '../../../preload/api';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** A fake ipcRenderer: records invokes, answers with `reply`, lets the test push main → renderer messages. */
const fakeIpc = (reply: (channel: string, payload: unknown) => unknown = () => ({ ok: true, value: {} })) => {
  const listeners = new Map<string, Set<Listener>>();
  const invoked: { channel: string; payload: unknown }[] = [];
  const ipc: IpcRendererLike = {
    invoke(channel, payload) {
      invoked.push({ channel, payload });
      try {
        return Promise.resolve(reply(channel, payload));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error('reply failed'));
      }
    },
    on(channel, listener) {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  const push = (message: unknown): void => {
    const electronEvent = { sender: 'the ipcRenderer itself', ports: [] };
    for (const listener of listeners.get(IPC_EVENT) ?? []) listener(electronEvent, message);
  };
  return { ipc, invoked, push, listenerCount: () => listeners.get(IPC_EVENT)?.size ?? 0 };
};

const progress = { jobId: '3f1c3b8e-2a52-4c35-9a4a-0b2d2f1f9a11', kind: 'audit-verify', done: 1, total: 4 } as const;

describe('the preload api', () => {
  it('is frozen', () => {
    const api = createPreloadApi(fakeIpc().ipc);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('sends a contract channel as one invoke message', async () => {
    const { ipc, invoked } = fakeIpc(() => ({
      ok: true,
      value: { version: '1.0.0', schemaVersion: 1, locked: true, clinician: null },
    }));
    const result = await createPreloadApi(ipc).invoke('app:info', {});
    expect(invoked).toEqual([{ channel: IPC_INVOKE, payload: { channel: 'app:info', request: {} } }]);
    expect(result).toEqual({ ok: true, value: { version: '1.0.0', schemaVersion: 1, locked: true, clinician: null } });
  });

  it.each(['encounter:drop', 'constructor', '__proto__', 'toString', '', 42, null])(
    'refuses the unknown channel %j without sending anything',
    async (channel) => {
      const { ipc, invoked } = fakeIpc();
      const result = await createPreloadApi(ipc).invoke(channel as Channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      expect(invoked).toEqual([]);
    },
  );

  it('passes error results through unchanged', async () => {
    const error = { code: 'STORE_LOCKED', message: 'Quietchart is locked.' };
    const { ipc } = fakeIpc(() => ({ ok: false, error }));
    expect(await createPreloadApi(ipc).invoke('encounter:list', {})).toEqual({ ok: false, error });
  });

  it('turns a failed or malformed answer into an INTERNAL error instead of throwing', async () => {
    const rejecting = fakeIpc(() => {
      throw new Error('No handler registered');
    });
    expect(await createPreloadApi(rejecting.ipc).invoke('app:info', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    for (const answer of [
      undefined,
      'ok',
      { ok: true, value: { unexpected: 1 } },
      { ok: false, error: { code: 'NOPE' } },
    ]) {
      const { ipc } = fakeIpc(() => answer);
      expect(await createPreloadApi(ipc).invoke('app:info', {})).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL' },
      });
    }
  });

  it('delivers contract events with valid payloads, without the Electron event object', () => {
    const { ipc, push } = fakeIpc();
    const handler = vi.fn();
    createPreloadApi(ipc).on('job:progress', handler);
    push({ event: 'job:progress', payload: progress });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]).toEqual([progress]);
  });

  it('drops events with a payload that does not match the contract, and other events', () => {
    const { ipc, push } = fakeIpc();
    const handler = vi.fn();
    createPreloadApi(ipc).on('job:progress', handler);
    push({ event: 'job:progress', payload: { ...progress, done: -1 } });
    push({ event: 'job:progress', payload: { ...progress, extra: 'x' } });
    push({ event: 'job:finished', payload: { jobId: progress.jobId, kind: 'audit-verify', outcome: 'cancelled' } });
    push({ event: 'secret:leak', payload: {} });
    push('job:progress');
    push(null);
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses to subscribe to an unknown event', () => {
    const { ipc, listenerCount } = fakeIpc();
    const api = createPreloadApi(ipc);
    expect(() => api.on('secret:leak' as 'job:progress', () => undefined)).toThrow(/Unknown event/);
    expect(() => api.on('__proto__' as 'job:progress', () => undefined)).toThrow(/Unknown event/);
    expect(listenerCount()).toBe(0);
  });

  it('unsubscribes, and shares one ipc listener between subscriptions', () => {
    const { ipc, push, listenerCount } = fakeIpc();
    const api = createPreloadApi(ipc);
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = api.on('job:progress', first);
    api.on('job:progress', second);
    for (let i = 0; i < 20; i += 1) api.on('job:finished', () => undefined);
    expect(listenerCount()).toBe(1);
    offFirst();
    offFirst();
    push({ event: 'job:progress', payload: progress });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('keeps delivering to other handlers when one throws', () => {
    const { ipc, push } = fakeIpc();
    const api = createPreloadApi(ipc);
    const after = vi.fn();
    api.on('job:progress', () => {
      throw new Error('page bug');
    });
    api.on('job:progress', after);
    push({ event: 'job:progress', payload: progress });
    expect(after).toHaveBeenCalledTimes(1);
  });
});
