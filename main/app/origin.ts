/**
 * The app's own origin. The UI is served only from here (see protocol.ts); IPC, navigation and
 * permissions all trust exactly this origin and nothing else.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'quietchart';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for a URL on the app origin. Prefix and parsed parts must both agree (no `app://quietchart.evil`). */
export const isAppUrl = (url: string): boolean => {
  if (!url.startsWith(`${APP_ORIGIN}/`)) return false;
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
};

/** Permission checks hand over an origin (`app://quietchart`), sometimes with a trailing slash. */
export const isAppOrigin = (origin: string): boolean => origin === APP_ORIGIN || origin === `${APP_ORIGIN}/`;
