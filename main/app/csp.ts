import type { SessionLike } from './electron-like';

/**
 * The renderer's Content-Security-Policy: only the app's own scripts, styles, fonts and fetches;
 * no inline script, no eval, no plugins, no framing, no form posts, no foreign network at all.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers every app:// response carries. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // The microphone is governed by the permission handler; these are never needed.
  'Permissions-Policy': 'camera=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), display-capture=()',
} as const satisfies Record<string, string>;

type Headers = Record<string, string[]>;

/** Replaces any CSP / nosniff header a response brought (any letter case) with ours. */
export const withSecurityHeaders = (headers: Headers = {}): Headers => {
  const ours = new Set(['content-security-policy', 'x-content-type-options']);
  const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !ours.has(name.toLowerCase())));
  return {
    ...kept,
    'Content-Security-Policy': [SECURITY_HEADERS['Content-Security-Policy']],
    'X-Content-Type-Options': [SECURITY_HEADERS['X-Content-Type-Options']],
  };
};

/**
 * Second line of defence: the protocol handler already sets the CSP, and this applies it to every
 * response the session sees, so nothing can load without it. DevTools pages keep their own policy.
 */
export const installCspHeaders = (session: SessionLike): void => {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.url.startsWith('devtools://')) {
      callback({});
      return;
    }
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
  });
};
