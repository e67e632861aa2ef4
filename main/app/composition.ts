import fs from 'node:fs';
import path from 'node:path';
import { toErrorPayload } from '../../common/errors';
import { createLogger } from '../log/logger';
import { bindIpc, createSenderCheck } from '../ipc';
import { setSectionModelPath } from '../language/sections/default-model';
import { createRuntime, type Runtime } from '../services/runtime';
import { installCspHeaders } from './csp';
import type { ElectronLike, SafeStorageLike, WindowLike } from './electron-like';
import { focusWindow, openMainWindow } from './main-window';
import { isAppUrl } from './origin';
import { installAppProtocol, registerAppScheme } from './protocol';
import { createSafeStorageKeyProvider, judgeSafeStorage } from './safe-storage-key-provider';
import { createUtilityProcessSpawner } from './utility-spawner';
import { hardenWebContents, installPermissionHandlers } from './security';

export type AppEnv = {
  /** The built renderer (dist/renderer), served on app://quietchart/. */
  rendererRoot: string;
  /** The bundled preload (dist/app/preload.cjs). */
  preloadPath: string;
  /** The committed section classifier (in the packaged app: resources/models/...). */
  sectionModelPath: string;
  /** models/manifest.json: recommended models and their publisher hashes. */
  manifestPath?: string;
  /** The bundled inference worker (dist/app/inference-worker.cjs). */
  inferenceWorkerPath?: string;
  version: string;
  platform: NodeJS.Platform;
};

export type QuietchartApp = {
  /** Runs the app up to the window being created. Resolves false when another instance owns the app. */
  start(): Promise<boolean>;
  readonly runtime: Runtime | null;
  readonly window: WindowLike | null;
};

/** Same folder name the CLI uses (main/cli/data-dir.ts), whatever product name the packager writes. */
const DATA_FOLDER = 'quietchart';

const unlockWithKeystore = async (
  runtime: Runtime,
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
  log: Runtime['log'],
): Promise<void> => {
  const verdict = judgeSafeStorage(safeStorage, platform);
  const provider = createSafeStorageKeyProvider({
    safeStorage,
    platform,
    dir: runtime.paths.dataDir,
    canCreate: () => !fs.existsSync(runtime.paths.dbPath),
  });
  if (!provider) {
    log.info('app.locked', { reason: verdict.usable ? 'no_provider' : verdict.reason });
    return;
  }
  try {
    await runtime.unlock(provider);
  } catch (error) {
    // Stay locked: the renderer asks for the passphrase instead.
    log.warn('app.keystore_unlock_failed', { code: toErrorPayload(error).code });
  }
};

/**
 * The composition root: wires the runtime, IPC, the app:// protocol, the window and the security
 * policy onto whatever Electron-shaped object it is given. Nothing here reaches for globals.
 */
export const createApp = (electron: ElectronLike, env: AppEnv): QuietchartApp => {
  const { app } = electron;
  const log = createLogger('app');
  let runtime: Runtime | null = null;
  let window: WindowLike | null = null;
  let unbindIpc: (() => void) | null = null;
  let closing = false;
  let closed = false;

  const beforeReady = (): boolean => {
    if (!app.requestSingleInstanceLock()) {
      app.quit();
      return false;
    }
    app.enableSandbox();
    app.setPath('userData', path.join(app.getPath('appData'), DATA_FOLDER));
    registerAppScheme(electron.protocol);
    app.on('web-contents-created', (_event, contents) => {
      hardenWebContents(contents, log);
    });
    app.on('second-instance', () => {
      focusWindow(window);
    });
    app.on('window-all-closed', () => {
      app.quit();
    });
    app.on('will-quit', (event) => {
      if (closed || !runtime) return;
      // Hold the quit until the store is closed cleanly (WAL checkpoint, audit head written).
      event.preventDefault();
      if (closing) return;
      closing = true;
      unbindIpc?.();
      runtime
        .close()
        .catch((error: unknown) => {
          log.error('app.close_failed', { code: toErrorPayload(error).code });
        })
        .finally(() => {
          closed = true;
          app.quit();
        });
    });
    return true;
  };

  const onReady = async (): Promise<void> => {
    const session = electron.session.defaultSession;
    installCspHeaders(session);
    installPermissionHandlers(session, log);
    installAppProtocol(electron.protocol, env.rendererRoot, log);
    // Loaded lazily by the language pipeline; here we only say where the app's copy lives.
    setSectionModelPath(env.sectionModelPath);

    const rt = createRuntime({
      dataDir: app.getPath('userData'),
      version: env.version,
      ...(env.manifestPath ? { manifestPath: env.manifestPath } : {}),
      ...(env.inferenceWorkerPath && electron.utilityProcess
        ? {
            inference: {
              entry: env.inferenceWorkerPath,
              spawner: createUtilityProcessSpawner(electron.utilityProcess),
            },
          }
        : {}),
    });
    runtime = rt;
    unbindIpc = bindIpc({
      ipcMain: electron.ipcMain,
      runtime: rt,
      isTrustedSender: createSenderCheck(isAppUrl),
      targets: () => electron.webContents.getAllWebContents(),
    });
    await unlockWithKeystore(rt, electron.safeStorage, env.platform, log);
    window = openMainWindow(electron.BrowserWindow, { preloadPath: env.preloadPath, devTools: !app.isPackaged }, log);
    window.on('closed', () => {
      window = null;
    });
  };

  return {
    async start() {
      if (!beforeReady()) return false;
      await app.whenReady();
      await onReady();
      return true;
    },
    get runtime() {
      return runtime;
    },
    get window() {
      return window;
    },
  };
};
