import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadFile } from '../../../main/inference/download';
import { makeBytes, serveBytes, startServer, type TestServer } from './http-fixture';

let dir: string;
let server: TestServer | null = null;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quietchart-download-'));
});
afterEach(async () => {
  await server?.close();
  server = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return (error as { code?: string }).code ?? 'no-code';
  }
};

describe('downloadFile', () => {
  const file = makeBytes(300_000);

  it('downloads, reports progress and checks the hash', async () => {
    server = await startServer((req, res) => {
      serveBytes(file.bytes, req, res);
    });
    const dest = path.join(dir, 'onnx', 'model.onnx');
    const progress: { bytes: number; total: number | null }[] = [];
    const result = await downloadFile({
      url: `${server.url}/model.onnx`,
      dest,
      expectedSha256: file.sha256,
      expectedBytes: file.bytes.length,
      onProgress: (p) => progress.push(p),
    });
    expect(result).toEqual({ sha256: file.sha256, bytes: file.bytes.length });
    expect(fs.readFileSync(dest).equals(file.bytes)).toBe(true);
    expect(fs.existsSync(`${dest}.part`)).toBe(false);
    expect(progress.at(-1)).toEqual({ bytes: file.bytes.length, total: file.bytes.length });
    expect(progress.every((p, i) => i === 0 || p.bytes >= (progress[i - 1]?.bytes ?? 0))).toBe(true);
  });

  it('keeps the partial bytes after an interrupted transfer and resumes them with Range', async () => {
    server = await startServer((req, res, n) => {
      serveBytes(file.bytes, req, res, n === 1 ? { cutAfter: 100_000 } : {});
    });
    const dest = path.join(dir, 'model.onnx');
    const options = { url: `${server.url}/m`, dest, expectedSha256: file.sha256, expectedBytes: file.bytes.length };
    expect(await codeOf(downloadFile({ ...options, retries: 0 }))).toBe('DOWNLOAD_FAILED');
    const partial = fs.statSync(`${dest}.part`).size;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(file.bytes.length);
    await downloadFile({ ...options, retries: 0 });
    expect(server.requests[1]?.range).toBe(`bytes=${partial}-`);
    expect(fs.readFileSync(dest).equals(file.bytes)).toBe(true);
  });

  it('retries a dropped connection by itself, resuming', async () => {
    server = await startServer((req, res, n) => {
      serveBytes(file.bytes, req, res, n === 1 ? { cutAfter: 50_000 } : {});
    });
    const dest = path.join(dir, 'model.onnx');
    await downloadFile({ url: `${server.url}/m`, dest, expectedSha256: file.sha256, expectedBytes: null });
    expect(server.requests).toHaveLength(2);
    // Resumed from what arrived before the drop (a restart only if nothing had arrived yet).
    expect(server.requests[1]?.range ?? 'bytes=0-').toMatch(/^bytes=\d+-$/);
    expect(fs.readFileSync(dest).equals(file.bytes)).toBe(true);
  });

  it('starts over when the server ignores Range', async () => {
    server = await startServer((req, res) => {
      serveBytes(file.bytes, req, res, { honourRange: false });
    });
    const dest = path.join(dir, 'model.onnx');
    fs.writeFileSync(`${dest}.part`, Buffer.from('stale bytes from another file'));
    const result = await downloadFile({
      url: `${server.url}/m`,
      dest,
      expectedSha256: file.sha256,
      expectedBytes: null,
    });
    expect(server.requests[0]?.range).toBe('bytes=29-');
    expect(result.sha256).toBe(file.sha256);
    expect(fs.readFileSync(dest).equals(file.bytes)).toBe(true);
  });

  it('deletes a file whose hash does not match the publisher’s (MODEL_HASH_MISMATCH)', async () => {
    server = await startServer((req, res) => {
      serveBytes(file.bytes, req, res);
    });
    const dest = path.join(dir, 'model.onnx');
    const wrong = 'a'.repeat(64);
    const code = await codeOf(
      downloadFile({ url: `${server.url}/m`, dest, expectedSha256: wrong, expectedBytes: null }),
    );
    expect(code).toBe('MODEL_HASH_MISMATCH');
    expect(fs.existsSync(dest)).toBe(false);
    expect(fs.existsSync(`${dest}.part`)).toBe(false);
  });

  it('fails with DOWNLOAD_FAILED naming the HTTP status on a 404, without retrying', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(404).end('not here');
    });
    const promise = downloadFile({
      url: `${server.url}/m`,
      dest: path.join(dir, 'x'),
      expectedSha256: null,
      expectedBytes: null,
    });
    await expect(promise).rejects.toMatchObject({
      code: 'DOWNLOAD_FAILED',
      message: expect.stringContaining('404') as string,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('reports a truncated body as DOWNLOAD_FAILED after its retries', async () => {
    server = await startServer((req, res) => {
      serveBytes(file.bytes, req, res, { honourRange: false, cutAfter: 1000 });
    });
    const promise = downloadFile({
      url: `${server.url}/m`,
      dest: path.join(dir, 'x'),
      expectedSha256: file.sha256,
      expectedBytes: file.bytes.length,
      retries: 1,
    });
    expect(await codeOf(promise)).toBe('DOWNLOAD_FAILED');
    expect(server.requests).toHaveLength(2);
  });

  it('cancels through an AbortSignal with JOB_CANCELLED and keeps the partial file for later', async () => {
    server = await startServer((req, res) => {
      // Send a first slice, then stall: only the cancel can end this download.
      res.writeHead(200, { 'content-length': file.bytes.length });
      res.write(file.bytes.subarray(0, 64_000));
      expect(req.headers.range).toBeUndefined();
    });
    const controller = new AbortController();
    const dest = path.join(dir, 'model.onnx');
    const promise = downloadFile({
      url: `${server.url}/m`,
      dest,
      expectedSha256: file.sha256,
      expectedBytes: file.bytes.length,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.bytes > 0) controller.abort();
      },
    });
    expect(await codeOf(promise)).toBe('JOB_CANCELLED');
    expect(fs.existsSync(dest)).toBe(false);
    expect(fs.statSync(`${dest}.part`).size).toBeGreaterThan(0);
  });
});
