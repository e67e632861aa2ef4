import type { BrowserWindowConstructorOptions, CustomScheme } from 'electron';
import type {
  AppLike,
  ElectronLike,
  HeadersReceivedDetails,
  HeadersReceivedResponse,
  PermissionCheckDetails,
  PermissionCheckHandler,
  PermissionRequestDetails,
  PermissionRequestHandler,
  SafeStorageLike,
  SessionLike,
  WebContentsLike,
  WindowLike,
} from '../../../main/app/electron-like';
import type { InvokeEventLike, IpcMainLike } from '../../../main/ipc';

/**
 * A small, typed, in-memory stand-in for the parts of Electron the composition root uses. It records
 * what the app configured (options, handlers, listeners) and lets a test play the browser's side:
 * navigate, open windows, ask for permissions, fetch app:// URLs, send IPC.
 */
type Listener = (...args: never[]) => unknown;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped = (...args: never[]): unknown => {
      this.off(event, wrapped);
      return listener(...args);
    };
    return this.on(event, wrapped);
  }

  off(event: string, listener: Listener): void {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }

  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  constructor(public url: string) {}
}

let nextContentsId = 1;

export class FakeWebContents extends Emitter implements WebContentsLike {
  readonly id = nextContentsId++;
  readonly mainFrame = new FakeFrame('about:blank');
  readonly sent: { channel: string; args: unknown[] }[] = [];
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;

  isDestroyed(): boolean {
    return this.destroyed;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /** Plays a navigation attempt; true when the app let it happen. */
  navigate(url: string, kind: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const event = new FakeEvent();
    this.emit(kind, event, url);
    if (!event.defaultPrevented) this.mainFrame.url = url;
    return !event.defaultPrevented;
  }

  /** Plays `window.open(url)`; the app's answer, or 'allow' when no handler was set. */
  openWindow(url: string): 'allow' | 'deny' {
    return this.windowOpenHandler ? this.windowOpenHandler({ url }).action : 'allow';
  }

  attachWebview(): boolean {
    const event = new FakeEvent();
    this.emit('will-attach-webview', event, {}, {});
    return !event.defaultPrevented;
  }

  /** An IPC invoke event as Electron would build it for a message from `frame` of these contents. */
  invokeEvent(frame: FakeFrame | null = this.mainFrame): InvokeEventLike {
    return { sender: this, senderFrame: frame };
  }
}

export class FakeSession implements SessionLike {
  requestHandler: PermissionRequestHandler | null = null;
  checkHandler: PermissionCheckHandler | null = null;
  deviceHandler: ((details: unknown) => boolean) | null = null;
  headersListener: ((d: HeadersReceivedDetails, cb: (r: HeadersReceivedResponse) => void) => void) | null = null;

  readonly webRequest = {
    onHeadersReceived: (
      listener: ((d: HeadersReceivedDetails, cb: (r: HeadersReceivedResponse) => void) => void) | null,
    ): void => {
      this.headersListener = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.checkHandler = handler;
  }

  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.deviceHandler = handler;
  }

  /** Plays a permission request; false when no handler was installed (Electron would then allow!). */
  async request(contents: FakeWebContents, permission: string, details: PermissionRequestDetails): Promise<boolean> {
    const handler = this.requestHandler;
    if (!handler) return true;
    return new Promise((resolve) => {
      handler(contents, permission, resolve, details);
    });
  }

  check(permission: string, origin: string, details: PermissionCheckDetails): boolean {
    return this.checkHandler ? this.checkHandler(null, permission, origin, details) : true;
  }

  /** What the session would do to a response's headers. */
  headersFor(url: string, responseHeaders: Record<string, string[]>): HeadersReceivedResponse {
    let result: HeadersReceivedResponse = { responseHeaders };
    this.headersListener?.({ url, responseHeaders }, (response) => {
      result = response;
    });
    return result;
  }
}

export class FakeProtocol {
  readonly privileged: CustomScheme[] = [];
  readonly handlers = new Map<string, (request: Request) => Promise<Response> | Response>();

  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    this.privileged.push(...schemes);
  }

  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    this.handlers.set(scheme, handler);
  }

  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`no handler for ${scheme}`);
    return handler(new Request(url, init));
  }
}

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();

  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Like ipcRenderer.invoke reaching ipcMain.handle: sync throws become rejections. */
  invoke(channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    try {
      return Promise.resolve(handler(event, ...args));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error('handler failed'));
    }
  }
}

/** Reversible but not plaintext, so tests can see the key file never holds the key in the clear. */
export class FakeSafeStorage implements SafeStorageLike {
  constructor(
    public available = true,
    public backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']> = 'gnome_libsecret',
  ) {}

  isEncryptionAvailable(): boolean {
    return this.available;
  }

  encryptString(plainText: string): Buffer {
    return Buffer.concat([Buffer.from('FAKE1'), Buffer.from(plainText, 'utf8').map((b) => b ^ 0x5a)]);
  }

  decryptString(encrypted: Buffer): string {
    if (!encrypted.subarray(0, 5).equals(Buffer.from('FAKE1'))) throw new Error('Error while decrypting');
    return Buffer.from(encrypted.subarray(5).map((b) => b ^ 0x5a)).toString('utf8');
  }

  getSelectedStorageBackend(): ReturnType<SafeStorageLike['getSelectedStorageBackend']> {
    return this.backend;
  }
}

export type FakeElectron = ElectronLike & {
  app: FakeApp;
  ipcMain: FakeIpcMain;
  protocol: FakeProtocol;
  safeStorage: FakeSafeStorage;
  session: { defaultSession: FakeSession };
  windows: FakeWindow[];
  allContents: FakeWebContents[];
};

export class FakeApp extends Emitter implements AppLike {
  isPackaged = true;
  lockAvailable = true;
  sandboxEnabled = false;
  ready = false;
  quitCalls = 0;
  readonly paths = new Map<string, string>();
  /** Order of calls that must happen before 'ready' (scheme registration, sandbox, ...). */
  readonly beforeReady: string[] = [];
  private readyResolve: (() => void) | null = null;
  private readonly readyPromise = new Promise<void>((resolve) => {
    this.readyResolve = resolve;
  });

  constructor(appData: string) {
    super();
    this.paths.set('appData', appData);
    this.paths.set('userData', `${appData}/Electron`);
  }

  requestSingleInstanceLock(): boolean {
    return this.lockAvailable;
  }

  enableSandbox(): void {
    if (this.ready) throw new Error('enableSandbox after ready');
    this.sandboxEnabled = true;
    this.beforeReady.push('enableSandbox');
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  /** Fires 'ready' (tests decide when, so they can inspect the pre-ready phase). */
  makeReady(): void {
    this.ready = true;
    this.readyResolve?.();
  }

  getPath(name: 'appData' | 'userData'): string {
    const value = this.paths.get(name);
    if (!value) throw new Error(`no path ${name}`);
    return value;
  }

  setPath(name: 'userData', value: string): void {
    this.paths.set(name, value);
  }

  quit(): void {
    this.quitCalls += 1;
    const event = new FakeEvent();
    this.emit('will-quit', event);
    if (!event.defaultPrevented) this.emit('quit');
  }
}

export class FakeWindow extends Emitter implements WindowLike {
  readonly webContents = new FakeWebContents();
  shown = false;
  focused = false;
  destroyed = false;
  loadedUrl: string | null = null;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }

  show(): void {
    this.shown = true;
  }

  focus(): void {
    this.focused = true;
  }

  restore(): void {}

  isMinimized(): boolean {
    return false;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export const createFakeElectron = (appData: string): FakeElectron => {
  const app = new FakeApp(appData);
  const protocol = new FakeProtocol();
  const windows: FakeWindow[] = [];
  const allContents: FakeWebContents[] = [];
  const session = new FakeSession();

  const register = protocol.registerSchemesAsPrivileged.bind(protocol);
  protocol.registerSchemesAsPrivileged = (schemes) => {
    if (app.ready) throw new Error('registerSchemesAsPrivileged after ready');
    app.beforeReady.push('registerSchemesAsPrivileged');
    register(schemes);
  };

  class BrowserWindow extends FakeWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      super(options);
      windows.push(this);
      allContents.push(this.webContents);
      app.emit('web-contents-created', new FakeEvent(), this.webContents);
    }
  }

  return {
    app,
    BrowserWindow,
    ipcMain: new FakeIpcMain(),
    protocol,
    safeStorage: new FakeSafeStorage(),
    session: {
      get defaultSession(): FakeSession {
        if (!app.ready) throw new Error('session used before ready');
        return session;
      },
    },
    webContents: { getAllWebContents: () => allContents },
    windows,
    allContents,
  };
};
