import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_INVOKE } from '../../../common/api';
import { createApp, type QuietchartApp } from '../../../main/app/composition';
import { CONTENT_SECURITY_POLICY } from '../../../main/app/csp';
import { MASTER_KEY_FILE } from '../../../main/app/safe-storage-key-provider';
import { setLogSink } from '../../../main/log/logger';
import { createFakeElectron, type FakeElectron } from './fake-electron';

setLogSink(() => undefined);

describe('the composition root', () => {
  let base: string;
  let fake: FakeElectron;
  let app: QuietchartApp;

  const env = () => ({
    rendererRoot: path.join(base, 'renderer'),
    preloadPath: path.join(base, 'app', 'preload.cjs'),
    sectionModelPath: path.join(base, 'models', 'section-classifier', 'model.json'),
    version: '0.0.0-test',
    platform: 'linux' as const,
  });

  /** Starts the app the way Electron would: pre-ready work, then 'ready'. */
  const start = async (configure: (fake: FakeElectron) => void = () => undefined): Promise<boolean> => {
    configure(fake);
    app = createApp(fake, env());
    const started = app.start();
    fake.app.makeReady();
    return started;
  };

  const ask = (channel: string, request: unknown = {}) => {
    const contents = fake.windows[0]!.webContents;
    return fake.ipcMain.invoke(IPC_INVOKE, contents.invokeEvent(), { channel, request });
  };

  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'quietchart-app-'));
    fs.mkdirSync(path.join(base, 'renderer'));
    fs.writeFileSync(path.join(base, 'renderer', 'index.html'), '<!doctype html><title>Quietchart</title>');
    fake = createFakeElectron(path.join(base, 'appData'));
  });
  afterEach(async () => {
    await app.runtime?.close();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('enables the sandbox and registers app:// before ready, and uses the CLI’s data folder', async () => {
    await start();
    expect(fake.app.beforeReady).toEqual(expect.arrayContaining(['enableSandbox', 'registerSchemesAsPrivileged']));
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.app.getPath('userData')).toBe(path.join(base, 'appData', 'quietchart'));
    expect(app.runtime?.paths.dataDir).toBe(path.join(base, 'appData', 'quietchart'));
  });

  it('quits at once when another instance already runs', async () => {
    expect(await start((f) => (f.app.lockAvailable = false))).toBe(false);
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.windows).toEqual([]);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('opens one secure window on the app origin, shown once painted', async () => {
    await start();
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: env().preloadPath,
      devTools: false,
    });
    expect(window.loadedUrl).toBe('app://quietchart/index.html');
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('hardens every webContents: no foreign navigation, no new windows, no webviews', async () => {
    await start();
    const contents = fake.windows[0]!.webContents;
    expect(contents.navigate('https://example.org/')).toBe(false);
    expect(contents.navigate('app://quietchart/index.html#/x')).toBe(true);
    expect(contents.openWindow('https://example.org/')).toBe('deny');
    expect(contents.attachWebview()).toBe(false);
  });

  it('serves the UI over app:// with the CSP, and adds the CSP to every response', async () => {
    await start();
    const response = await fake.protocol.fetch('app://quietchart/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(
      (await fake.protocol.fetch('app://quietchart/../appData/quietchart/master.key')).status,
    ).toBeGreaterThanOrEqual(400);
    const headers = fake.session.defaultSession.headersFor('app://quietchart/x.js', {});
    expect(headers.responseHeaders?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('grants only the microphone, only to its own page', async () => {
    await start();
    const contents = fake.windows[0]!.webContents;
    const session = fake.session.defaultSession;
    const mic = { isMainFrame: true, requestingUrl: 'app://quietchart/index.html', mediaTypes: ['audio' as const] };
    expect(await session.request(contents, 'media', mic)).toBe(true);
    expect(await session.request(contents, 'media', { ...mic, mediaTypes: ['video'] })).toBe(false);
    expect(await session.request(contents, 'geolocation', mic)).toBe(false);
    expect(await session.request(contents, 'notifications', mic)).toBe(false);
  });

  it("starts locked on Linux's basic_text keystore, without writing a key", async () => {
    await start((f) => (f.safeStorage.backend = 'basic_text'));
    expect(app.runtime?.isUnlocked()).toBe(false);
    expect(await ask('app:info')).toMatchObject({ ok: true, value: { locked: true } });
    expect(await ask('encounter:list')).toMatchObject({ ok: false, error: { code: 'STORE_LOCKED' } });
    expect(fs.existsSync(path.join(base, 'appData', 'quietchart', MASTER_KEY_FILE))).toBe(false);
  });

  it('unlocks with a trustworthy keystore and answers over IPC', async () => {
    await start();
    expect(app.runtime?.isUnlocked()).toBe(true);
    expect(fs.existsSync(path.join(base, 'appData', 'quietchart', MASTER_KEY_FILE))).toBe(true);
    expect(await ask('app:info')).toMatchObject({ ok: true, value: { locked: false, version: '0.0.0-test' } });
    expect(await ask('encounter:list')).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('refuses IPC from a window that navigated elsewhere', async () => {
    await start();
    fake.windows[0]!.webContents.mainFrame.url = 'https://example.org/';
    expect(await ask('app:info')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('closes the store before the process quits', async () => {
    await start();
    const runtime = app.runtime!;
    let quitted = false;
    fake.app.on('quit', () => (quitted = true));
    fake.app.emit('window-all-closed');
    expect(quitted).toBe(false); // held until the store is closed
    await expect.poll(() => quitted).toBe(true);
    expect(runtime.isUnlocked()).toBe(false);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('focuses the existing window when launched a second time', async () => {
    await start();
    fake.app.emit('second-instance');
    expect(fake.windows[0]!.focused).toBe(true);
    expect(fake.windows).toHaveLength(1);
  });
});

describe('production code', () => {
  it('never references the test tree or the E2E bridge', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const dirs = ['main/app', 'main/ipc', 'preload'];
    for (const dir of dirs) {
      for (const file of fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.ts'))) {
        const text = fs.readFileSync(path.join(root, dir, file), 'utf8');
        expect(text, `${dir}/${file}`).not.toMatch(
          /from ['"][^'"]*tests\/|\be2e\b|__QUIETCHART_TEST_BRIDGE__|QUIETCHART_BRIDGE_TOKEN|ws:\/\//,
        );
      }
    }
  });
});
