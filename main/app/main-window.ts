import type { Logger } from '../log/logger';
import type { BrowserWindowCtor, WindowLike } from './electron-like';
import { APP_ENTRY_URL } from './origin';
import { createWindowOptions } from './window-options';

/** Creates the window, shows it once painted and loads the UI from the app origin. */
export const openMainWindow = (
  BrowserWindow: BrowserWindowCtor,
  options: { preloadPath: string; devTools: boolean },
  log: Logger,
): WindowLike => {
  const window = new BrowserWindow(createWindowOptions(options));
  window.once('ready-to-show', () => {
    window.show();
  });
  window.loadURL(APP_ENTRY_URL).catch(() => {
    log.error('window.load_failed');
  });
  return window;
};

/** A second launch focuses the existing window instead of opening another copy of the app. */
export const focusWindow = (window: WindowLike | null): void => {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.focus();
};
