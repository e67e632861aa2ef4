import type { Logger } from '../log/logger';
import type { SessionLike, WebContentsLike } from './electron-like';
import { isAppOrigin, isAppUrl } from './origin';

/**
 * Every webContents (the window, and anything a bug might create) may only show the app origin:
 * navigation and redirects elsewhere are stopped, new windows and <webview> are refused.
 * (Electron's `remote` module no longer exists; nothing else needs disabling here.)
 */
export const hardenWebContents = (contents: WebContentsLike, log: Logger): void => {
  const stayHome = (event: { preventDefault(): void }, url: string): void => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log.warn('security.navigation_blocked', { contentsId: contents.id });
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('security.webview_blocked', { contentsId: contents.id });
  });
  contents.setWindowOpenHandler(() => {
    log.warn('security.window_open_blocked', { contentsId: contents.id });
    return { action: 'deny' };
  });
};

export type PermissionQuery = {
  permission: string;
  /** The requesting frame's URL (requests) or origin (checks). */
  url: string;
  isMainFrame: boolean;
  mediaTypes: readonly string[];
};

/** The whole permission policy: the microphone, audio only, for the app's own top-level page. */
export const isPermissionGranted = ({ permission, url, isMainFrame, mediaTypes }: PermissionQuery): boolean =>
  permission === 'media' &&
  isMainFrame &&
  (isAppUrl(url) || isAppOrigin(url)) &&
  mediaTypes.length > 0 &&
  mediaTypes.every((type) => type === 'audio');

const fromAppOrigin = (securityOrigin: string | undefined): boolean =>
  securityOrigin === undefined || isAppOrigin(securityOrigin) || isAppUrl(securityOrigin);

export const installPermissionHandlers = (session: SessionLike, log: Logger): void => {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const granted =
      isPermissionGranted({
        permission,
        url: details.requestingUrl,
        isMainFrame: details.isMainFrame,
        mediaTypes: details.mediaTypes ?? [],
      }) &&
      fromAppOrigin(details.securityOrigin) &&
      // The window itself must still be showing the app (not a page it was tricked into loading).
      contents !== null &&
      isAppUrl(contents.mainFrame.url);
    if (!granted) log.warn('security.permission_denied', { permission });
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted({
      permission,
      url: requestingOrigin,
      isMainFrame: details.isMainFrame,
      mediaTypes: details.mediaType ? [details.mediaType] : [],
    }),
  );
  session.setDevicePermissionHandler(() => false);
};
