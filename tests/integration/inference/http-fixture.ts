import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP server whose behaviour each test scripts per request. */
export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void;

export type TestServer = { url: string; requests: { url: string; range: string | null }[]; close: () => Promise<void> };

export const startServer = async (handler: Handler): Promise<TestServer> => {
  const requests: TestServer['requests'] = [];
  const server = http.createServer((req, res) => {
    requests.push({ url: req.url ?? '', range: req.headers.range ?? null });
    handler(req, res, requests.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
};

export const makeBytes = (size: number): { bytes: Buffer; sha256: string } => {
  const bytes = randomBytes(size);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
};

/** Serves `body` honouring `Range: bytes=N-` unless told not to. */
export const serveBytes = (
  body: Buffer,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: { honourRange?: boolean; cutAfter?: number } = {},
): void => {
  const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  const start = options.honourRange !== false && match ? Number(match[1]) : 0;
  const slice = body.subarray(start);
  const headers: http.OutgoingHttpHeaders = {
    'content-length': slice.length,
    'content-type': 'application/octet-stream',
  };
  if (start > 0) headers['content-range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
  res.writeHead(start > 0 ? 206 : 200, headers);
  if (options.cutAfter !== undefined) {
    // Give the client time to take the bytes in before the connection drops.
    res.write(slice.subarray(0, options.cutAfter), () => {
      setTimeout(() => res.socket?.destroy(), 200);
    });
    return;
  }
  res.end(slice);
};
