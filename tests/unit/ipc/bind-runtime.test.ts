import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE } from '../../../common/api';
import type { QuietchartApi } from '../../../common/api';
import { isAppUrl } from '../../../main/app/origin';
import { bindIpc, createSenderCheck } from '../../../main/ipc';
import { setLogSink } from '../../../main/log/logger';
import type { Runtime } from '../../../main/services/runtime';
import { createPreloadApi, type IpcRendererLike } from '../../../preload/api';
import { openTempRuntime, SYNTHETIC_PATIENT } from '../../helpers/temp-runtime';
import { FakeFrame, FakeIpcMain, FakeWebContents } from '../app/fake-electron';

setLogSink(() => undefined);

/** preload → (fake) Electron IPC → bindIpc → real runtime on an encrypted temp store, and back. */
describe('IPC against a real runtime', () => {
  let rt: Runtime;
  let ipcMain: FakeIpcMain;
  let window: FakeWebContents;
  let api: QuietchartApi;

  beforeEach(async () => {
    rt = await openTempRuntime();
    ipcMain = new FakeIpcMain();
    window = new FakeWebContents();
    window.mainFrame.url = 'app://quietchart/index.html';
    bindIpc({ ipcMain, runtime: rt, isTrustedSender: createSenderCheck(isAppUrl), targets: () => [window] });

    type Listener = (event: unknown, ...args: unknown[]) => void;
    const listeners = new Map<string, Set<Listener>>();
    window.send = (channel, ...args) => {
      for (const listener of listeners.get(channel) ?? []) listener({}, ...args);
    };
    const ipcRenderer: IpcRendererLike = {
      invoke: (channel, ...args) => ipcMain.invoke(channel, window.invokeEvent(), ...args),
      on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
      removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
    };
    api = createPreloadApi(ipcRenderer);
  });
  afterEach(async () => {
    await rt.close();
  });

  const count = (): number => rt.services().encounters.list({ query: '', limit: 1, offset: 0 }).total;
  const raw = (message: unknown) => ipcMain.invoke(IPC_INVOKE, window.invokeEvent(), message);

  it('creates and lists an encounter through the whole chain', async () => {
    const created = await api.invoke('encounter:create', { patient: SYNTHETIC_PATIENT, reason: 'Cough' });
    expect(created).toMatchObject({ ok: true, value: { reason: 'Cough' } });
    expect(await api.invoke('encounter:list', { query: 'Synthetic' })).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it.each([
    ['a missing patient', { reason: 'cough' }],
    ['an extra field', { patient: SYNTHETIC_PATIENT, reason: 'x', admin: true }],
    ['a bad date of birth', { patient: { ...SYNTHETIC_PATIENT, dob: '09/04/1961' } }],
    ['a string payload', "'); DROP TABLE encounters; --"],
    ['an array payload', [SYNTHETIC_PATIENT]],
  ])('answers VALIDATION_FAILED for %s and writes nothing', async (_what, request) => {
    const before = count();
    const result = await raw({ channel: 'encounter:create', request });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(count()).toBe(before);
  });

  it('answers UNKNOWN_CHANNEL for a channel outside the contract and writes nothing', async () => {
    const before = count();
    expect(await raw({ channel: 'encounter:delete', request: { id: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(count()).toBe(before);
  });

  it('writes nothing for a subframe or foreign sender', async () => {
    const before = count();
    const message = { channel: 'encounter:create', request: { patient: SYNTHETIC_PATIENT } };
    window.mainFrame.url = 'https://example.org/';
    expect(await raw(message)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    window.mainFrame.url = 'app://quietchart/index.html';
    const sub = ipcMain.invoke(IPC_INVOKE, window.invokeEvent(new FakeFrame('app://quietchart/index.html')), message);
    expect(await sub).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(count()).toBe(before);
  });

  it('delivers job progress and completion events to the page', async () => {
    await api.invoke('encounter:create', { patient: SYNTHETIC_PATIENT });
    const finished = vi.fn();
    api.on('job:finished', finished);
    const started = await api.invoke('audit:verify', {});
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    await rt.jobs.settled(started.value.jobId);
    expect(finished).toHaveBeenCalledWith(
      expect.objectContaining({ jobId: started.value.jobId, kind: 'audit-verify', outcome: 'succeeded' }),
    );
  });
});
