import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_BACKGROUND = '#f6f7f9';

/**
 * The one window's options. Every renderer-side power is off: the page runs sandboxed, isolated from
 * the preload's world, with no Node, no <webview>, no insecure content and no spellchecker (which
 * would send typed clinical text to a dictionary service on some platforms).
 */
export const createWindowOptions = ({
  preloadPath,
  devTools,
}: {
  preloadPath: string;
  devTools: boolean;
}): BrowserWindowConstructorOptions => ({
  width: 1280,
  height: 820,
  minWidth: 900,
  minHeight: 600,
  title: 'Quietchart',
  backgroundColor: WINDOW_BACKGROUND,
  // Shown on 'ready-to-show' so the user never sees a blank or half-painted window.
  show: false,
  autoHideMenuBar: true,
  webPreferences: {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools,
  },
});
