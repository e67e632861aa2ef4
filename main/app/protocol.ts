import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log/logger';
import { SECURITY_HEADERS } from './csp';
import type { ProtocolLike } from './electron-like';
import { mimeTypeFor } from './mime';
import { APP_HOST, APP_SCHEME } from './origin';

/**
 * Must run before the app is ready. `standard` gives app:// real origins and relative URLs;
 * `secure` makes it a secure context (needed for getUserMedia and AudioWorklet).
 */
export const registerAppScheme = (protocol: ProtocolLike): void => {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
};

export type ResolvedPath = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps an app:// URL to a file under `root`, or refuses. The path is decoded first and every check
 * runs on the decoded form, so `%2e%2e`, `..%2f`, `..%5c`, NUL bytes, drive letters and absolute
 * paths cannot climb out of the root. The final containment check is the backstop.
 */
export const resolveAppPath = (root: string, url: string): ResolvedPath => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 404 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  // Backslashes are separators on Windows; ':' would allow drive letters and NTFS streams.
  if (/[\\\0:]/.test(decoded)) return { ok: false, status: 403 };
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return { ok: false, status: 403 };
  if (segments.length === 0) segments.push('index.html');
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  if (!file.startsWith(base + path.sep)) return { ok: false, status: 403 };
  return { ok: true, file };
};

const STATUS_TEXT = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed' } as const;

const refusal = (status: keyof typeof STATUS_TEXT): Response =>
  new Response(STATUS_TEXT[status], {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });

/** The app:// handler: serves the built renderer, read-only, with the CSP on every response. */
export const createAppProtocolHandler =
  (root: string, log: Logger) =>
  async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
    const resolved = resolveAppPath(root, request.url);
    if (!resolved.ok) {
      log.warn('protocol.refused', { status: resolved.status });
      return refusal(resolved.status);
    }
    try {
      const info = await stat(resolved.file);
      if (!info.isFile()) return refusal(404);
      const body = request.method === 'HEAD' ? null : await readFile(resolved.file);
      return new Response(body, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(resolved.file), 'Cache-Control': 'no-cache' },
      });
    } catch {
      return refusal(404);
    }
  };

export const installAppProtocol = (protocol: ProtocolLike, root: string, log: Logger): void => {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root, log));
};
