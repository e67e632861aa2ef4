import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../main/app/csp';
import { mimeTypeFor } from '../../main/app/mime';
import { APP_ORIGIN } from '../../main/app/origin';
import { resolveAppPath } from '../../main/app/protocol';
import { dispatch } from '../../main/services/dispatch';
import { createRuntime, type Runtime } from '../../main/services/runtime';
import {
  BRIDGE_PATH,
  BRIDGE_TOKEN_PARAM,
  MAX_MESSAGE_BYTES,
  type BridgeAnswer,
  type BridgeCall,
  type BridgeEvent,
} from './bridge-protocol';
import { testCsp } from './test-csp';

/**
 * TEST ONLY. Serves the built renderer over loopback HTTP and binds the real main services to the
 * page over a WebSocket, so Playwright can drive the real UI against the real store without
 * Electron. The page talks to it through tests/e2e/bridge-client.ts, which implements the same
 * `window.quietchart` contract as preload. Nothing here is bundled into the app.
 */
export const E2E_PASSPHRASE = 'e2e correct horse battery staple';

export type BridgeHostOptions = {
  /** The Vite output (dist/renderer). */
  rendererDir: string;
  dataDir: string;
  version?: string;
  /** Leave the store locked so the page shows the unlock screen (the passphrase is then the page's to give). */
  startLocked?: boolean;
  passphrase?: string;
  /** A Whisper folder (e.g. the oracle fixture) for speech, run in a forked inference worker. */
  asrModelDir?: string;
  /** An LLM folder (the oracle Llama fixture) that writes drafts in the inference worker. */
  llmModelDir?: string;
  /** A translation model folder (the oracle Marian fixture) for transcript translation. */
  mtModelDir?: string;
};

export type BridgeHost = {
  readonly origin: string;
  readonly url: string;
  readonly bridgeUrl: string;
  readonly token: string;
  readonly runtime: Runtime;
  readonly csp: string;
  close(): Promise<void>;
};

// Hash both sides first: timingSafeEqual needs equal lengths, and the length must not leak either.
const tokenMatches = (given: string | null, expected: string): boolean =>
  given !== null &&
  timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());

const serveFile = async (rendererDir: string, req: http.IncomingMessage, res: http.ServerResponse, csp: string) => {
  const headers = { ...SECURITY_HEADERS, 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' };
  const refuse = (status: number): void => {
    res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(http.STATUS_CODES[status]);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    refuse(405);
    return;
  }
  // Reuse the app:// resolver so the test host refuses exactly what the app refuses.
  const pathOnly = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
  const resolved = resolveAppPath(rendererDir, `${APP_ORIGIN}${pathOnly.startsWith('/') ? '' : '/'}${pathOnly}`);
  if (!resolved.ok) {
    refuse(resolved.status);
    return;
  }
  try {
    if (!(await stat(resolved.file)).isFile()) {
      refuse(404);
      return;
    }
    const body = await readFile(resolved.file);
    res.writeHead(200, { ...headers, 'Content-Type': mimeTypeFor(resolved.file) });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    refuse(404);
  }
};

const parseCall = (data: RawData): BridgeCall | null => {
  try {
    const text = Array.isArray(data)
      ? Buffer.concat(data).toString('utf8')
      : Buffer.isBuffer(data)
        ? data.toString('utf8')
        : Buffer.from(new Uint8Array(data)).toString('utf8');
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { id, channel, request } = value as Record<string, unknown>;
    if (typeof id !== 'number' && typeof id !== 'string') return null;
    return { id, channel, request };
  } catch {
    return null;
  }
};

export const startBridgeHost = async (options: BridgeHostOptions): Promise<BridgeHost> => {
  const runtime = createRuntime({
    dataDir: options.dataDir,
    version: options.version ?? '0.0.0-e2e',
    scryptCost: 2 ** 12,
    modelsDir: path.join(options.dataDir, 'models'),
    ...(options.asrModelDir ? { asrModelDir: options.asrModelDir } : {}),
    ...(options.llmModelDir ? { llmModelDir: options.llmModelDir } : {}),
    ...(options.mtModelDir ? { mtModelDir: options.mtModelDir } : {}),
    ...(options.asrModelDir || options.llmModelDir || options.mtModelDir
      ? { inference: { entry: fileURLToPath(new URL('../../main/inference/worker-entry.ts', import.meta.url)) } }
      : {}),
  });
  if (!options.startLocked) await runtime.unlockWithPassphrase(options.passphrase ?? E2E_PASSPHRASE);
  const log = runtime.log.child('e2e-bridge');
  const token = randomBytes(32).toString('base64url');

  let csp = CONTENT_SECURITY_POLICY;
  const server = http.createServer((req, res) => {
    void serveFile(options.rendererDir, req, res, csp);
  });
  const wss = new WebSocketServer({ server, path: BRIDGE_PATH, maxPayload: MAX_MESSAGE_BYTES });
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        if (address && typeof address !== 'string') resolve(address.port);
        else reject(new Error('The bridge host did not bind a TCP port.'));
      });
    });
  } catch (error) {
    await runtime.close();
    throw error;
  }
  const origin = `http://127.0.0.1:${port}`;
  const bridgeUrl = `ws://127.0.0.1:${port}${BRIDGE_PATH}`;
  csp = testCsp(bridgeUrl);

  let nextSender = 1;
  wss.on('connection', (socket: WebSocket, req) => {
    const query = new URL(req.url ?? '/', origin).searchParams;
    // Only our own page may connect: another local page would have to guess the token *and* fake the origin.
    if (!tokenMatches(query.get(BRIDGE_TOKEN_PARAM), token) || req.headers.origin !== origin) {
      log.warn('bridge.refused');
      socket.close(1008, 'Policy violation');
      return;
    }
    const senderId = nextSender++;
    const send = (message: BridgeAnswer | BridgeEvent): void => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    const unsubscribe = runtime.events.subscribe((event, payload) => {
      send({ event, payload });
    });
    socket.on('close', () => {
      unsubscribe();
    });
    socket.on('message', (data) => {
      const message = parseCall(data);
      if (!message) {
        log.warn('bridge.malformed');
        return;
      }
      void dispatch(runtime.handlers, message.channel, message.request, { senderId }, log).then((result) => {
        send({ id: message.id, result });
      });
    });
  });

  return {
    origin,
    url: `${origin}/index.html`,
    bridgeUrl,
    token,
    runtime,
    get csp() {
      return csp;
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => {
        wss.close(() => {
          resolve();
        });
      });
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      await runtime.close();
    },
  };
};
