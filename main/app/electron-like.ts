import type { UtilityProcessLike } from './utility-spawner';
import type { BrowserWindowConstructorOptions, CustomScheme } from 'electron';
import type { EventTargetLike, IpcMainLike } from '../ipc';

/**
 * The subset of Electron the composition root uses, typed structurally. The real `electron` module
 * satisfies it (main.ts passes it in unchanged); tests pass a small fake.
 */
export type PreventableEvent = { preventDefault(): void };

export type WebContentsLike = EventTargetLike & {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
};

export type WindowLike = {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
};

export type BrowserWindowCtor = new (options: BrowserWindowConstructorOptions) => WindowLike;

export type PermissionRequestDetails = {
  isMainFrame: boolean;
  requestingUrl: string;
  mediaTypes?: ('video' | 'audio')[];
  securityOrigin?: string;
};

export type PermissionCheckDetails = {
  isMainFrame: boolean;
  requestingUrl?: string;
  mediaType?: 'video' | 'audio' | 'unknown';
  securityOrigin?: string;
};

export type PermissionRequestHandler = (
  contents: EventTargetLike | null,
  permission: string,
  callback: (granted: boolean) => void,
  details: PermissionRequestDetails,
) => void;

export type PermissionCheckHandler = (
  contents: EventTargetLike | null,
  permission: string,
  requestingOrigin: string,
  details: PermissionCheckDetails,
) => boolean;

export type HeadersReceivedDetails = { url: string; responseHeaders?: Record<string, string[]> };
export type HeadersReceivedResponse = { cancel?: boolean; responseHeaders?: Record<string, string | string[]> };

export type SessionLike = {
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void;
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void;
  /** WebHID / WebSerial / WebUSB device access. */
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void;
  readonly webRequest: {
    onHeadersReceived(
      listener:
        ((details: HeadersReceivedDetails, callback: (response: HeadersReceivedResponse) => void) => void) | null,
    ): void;
  };
};

export type ProtocolLike = {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void;
};

export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend(): 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';
};

export type AppLike = {
  readonly isPackaged: boolean;
  requestSingleInstanceLock(): boolean;
  enableSandbox(): void;
  whenReady(): Promise<void>;
  getPath(name: 'appData' | 'userData'): string;
  setPath(name: 'userData', path: string): void;
  quit(): void;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
  on(event: 'second-instance' | 'window-all-closed', listener: () => void): unknown;
  on(event: 'will-quit', listener: (event: PreventableEvent) => void): unknown;
};

export type ElectronLike = {
  readonly app: AppLike;
  readonly BrowserWindow: BrowserWindowCtor;
  readonly ipcMain: IpcMainLike;
  readonly protocol: ProtocolLike;
  readonly safeStorage: SafeStorageLike;
  readonly session: { readonly defaultSession: SessionLike };
  readonly webContents: { getAllWebContents(): WebContentsLike[] };
  /** Runs the inference worker in its own process; absent in tests that need no speech. */
  readonly utilityProcess?: UtilityProcessLike;
};
