import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT, IPC_INVOKE } from '../../../common/api';
import { CHANNEL_NAMES } from '../../../common/contract';
import { isAppUrl } from '../../../main/app/origin';
import { bindIpc, createSenderCheck } from '../../../main/ipc';
import { createLogger, setLogSink } from '../../../main/log/logger';
import type { Handlers } from '../../../main/services/dispatch';
import { createEventHub } from '../../../main/services/event-hub';
import { FakeFrame, FakeIpcMain, FakeWebContents } from '../app/fake-electron';

setLogSink(() => undefined);

const APP_PAGE = 'app://quietchart/index.html';
const INFO = { version: '1.2.3', schemaVersion: 1, locked: false, clinician: null };
const progress = { jobId: '3f1c3b8e-2a52-4c35-9a4a-0b2d2f1f9a11', kind: 'audit-verify', done: 1, total: 2 } as const;

/** Every channel's handler is a spy; only app:info answers. */
const spyHandlers = () => {
  const spies = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [channel, vi.fn(() => Promise.resolve(channel === 'app:info' ? INFO : {}))]),
  );
  return { spies, handlers: spies as unknown as Handlers };
};

describe('the IPC binding', () => {
  let ipcMain: FakeIpcMain;
  let window: FakeWebContents;
  let spies: Record<string, ReturnType<typeof vi.fn>>;
  let events: ReturnType<typeof createEventHub>;
  let targets: FakeWebContents[];
  let unbind: () => void;

  beforeEach(() => {
    ipcMain = new FakeIpcMain();
    window = new FakeWebContents();
    window.mainFrame.url = APP_PAGE;
    events = createEventHub();
    targets = [window];
    const stub = spyHandlers();
    spies = stub.spies;
    unbind = bindIpc({
      ipcMain,
      runtime: { handlers: stub.handlers, events, log: createLogger('test') },
      isTrustedSender: createSenderCheck(isAppUrl),
      targets: () => targets,
    });
  });

  const call = (event = window.invokeEvent(), message: unknown = { channel: 'app:info', request: {} }) =>
    ipcMain.invoke(IPC_INVOKE, event, message);

  it('registers exactly one handler, and removes it when unbound', () => {
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_INVOKE]);
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('answers a trusted main-frame request', async () => {
    expect(await call()).toEqual({ ok: true, value: INFO });
    expect(spies['app:info']).toHaveBeenCalledWith({}, { senderId: window.id });
  });

  it.each([
    ['another origin', 'https://example.org/'],
    ['a look-alike host', 'app://quietchart.evil/index.html'],
    ['a file URL', 'file:///tmp/index.html'],
    ['a blank page', 'about:blank'],
  ])('refuses a sender showing %s without calling the handler', async (_what, url) => {
    window.mainFrame.url = url;
    expect(await call()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(spies['app:info']).not.toHaveBeenCalled();
  });

  it('refuses a subframe, even one on the app origin', async () => {
    const subframe = new FakeFrame(APP_PAGE);
    expect(await call(window.invokeEvent(subframe))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(spies['app:info']).not.toHaveBeenCalled();
  });

  it('refuses a sender whose frame is already gone', async () => {
    expect(await call(window.invokeEvent(null))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('refuses a forbidden sender even for an unknown channel (no channel probing)', async () => {
    window.mainFrame.url = 'https://example.org/';
    expect(await call(undefined, { channel: 'nope', request: {} })).toMatchObject({
      error: { code: 'FORBIDDEN_SENDER' },
    });
  });

  it.each([
    ['an unknown channel', { channel: 'encounter:drop', request: {} }],
    ['a prototype key', { channel: '__proto__', request: {} }],
    ['no channel', { request: {} }],
    ['a bare string', 'app:info'],
    ['nothing', null],
  ])('answers UNKNOWN_CHANNEL for %s', async (_what, message) => {
    expect(await call(undefined, message)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled();
  });

  it('forwards events to trusted windows only', () => {
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = 'https://example.org/';
    const closed = new FakeWebContents();
    closed.mainFrame.url = APP_PAGE;
    closed.destroyed = true;
    targets.push(stranger, closed);
    events.emit('job:progress', progress);
    expect(window.sent).toEqual([{ channel: IPC_EVENT, args: [{ event: 'job:progress', payload: progress }] }]);
    expect(stranger.sent).toEqual([]);
    expect(closed.sent).toEqual([]);
  });

  it('keeps delivering when one window fails mid-send', () => {
    const failing = new FakeWebContents();
    failing.mainFrame.url = APP_PAGE;
    failing.send = () => {
      throw new Error('Render frame was disposed');
    };
    targets.unshift(failing);
    events.emit('job:progress', progress);
    expect(window.sent).toHaveLength(1);
  });

  it('stops forwarding events once unbound', () => {
    unbind();
    events.emit('job:progress', progress);
    expect(window.sent).toEqual([]);
  });
});
