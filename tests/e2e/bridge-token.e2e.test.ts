import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBridgeHost, type BridgeHost } from './bridge-host';
import { BRIDGE_TOKEN_PARAM } from './bridge-protocol';
import { Cleanups } from './cleanups';
import { ensureRendererBuilt } from './renderer-build';

type Outcome = { closed: number } | { answer: unknown };

/** Connects like the page would and reports either the close code or the answer to app:info. */
const tryBridge = (host: BridgeHost, token: string | null, origin: string): Promise<Outcome> =>
  new Promise((resolve, reject) => {
    const url =
      token === null ? host.bridgeUrl : `${host.bridgeUrl}?${BRIDGE_TOKEN_PARAM}=${encodeURIComponent(token)}`;
    const socket = new WebSocket(url, { origin });
    socket.on('open', () => {
      socket.send(JSON.stringify({ id: 1, channel: 'app:info', request: {} }));
    });
    socket.on('message', (data) => {
      resolve({ answer: JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : '') as unknown });
      socket.close();
    });
    socket.on('close', (code) => {
      resolve({ closed: code });
    });
    socket.on('error', reject);
  });

describe('the E2E bridge host', () => {
  const cleanups = new Cleanups();
  let host: BridgeHost;

  beforeAll(async () => {
    const rendererDir = await ensureRendererBuilt();
    host = cleanups.add(await startBridgeHost({ rendererDir, dataDir: cleanups.tempDir('quietchart-e2e-bridge-') }));
  });

  afterAll(() => cleanups.run());

  it('refuses a wrong token with a policy-violation close', async () => {
    expect(await tryBridge(host, randomBytes(32).toString('base64url'), host.origin)).toEqual({ closed: 1008 });
  });

  it('refuses a missing token', async () => {
    expect(await tryBridge(host, null, host.origin)).toEqual({ closed: 1008 });
  });

  it('refuses the right token from another origin', async () => {
    expect(await tryBridge(host, host.token, 'http://127.0.0.1:1')).toEqual({ closed: 1008 });
  });

  it('answers the right token from its own page origin', async () => {
    expect(await tryBridge(host, host.token, host.origin)).toMatchObject({
      answer: { id: 1, result: { ok: true, value: { locked: false, clinician: null } } },
    });
  });

  it('serves the renderer with the app CSP plus only its own socket', async () => {
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${host.bridgeUrl}`);
    expect(csp).not.toContain('unsafe');
  });

  it('refuses paths outside the renderer folder', async () => {
    const response = await fetch(`${host.origin}/..%2f..%2fpackage.json`);
    expect([403, 404]).toContain(response.status);
  });
});
