import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createModelStore } from '../../../main/inference/model-store';
import { serveBytes, startServer, type TestServer } from './http-fixture';
import { entryFor, manifestOf, writeModelFolder } from './model-fixture';

let tmp: string;
let source: string;
let server: TestServer | null = null;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quietchart-model-dl-'));
  source = path.join(tmp, 'published');
  writeModelFolder(source);
});
afterEach(async () => {
  await server?.close();
  server = null;
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A mirror with the Hugging Face layout: /<repo>/resolve/<revision>/<path>. */
const mirror = (options: { failFirst?: string } = {}): Promise<TestServer> => {
  let failed = false;
  return startServer((req, res) => {
    const match = /^\/tests\/whisper-test\/resolve\/abc123\/(.+)$/.exec(req.url ?? '');
    const file = match?.[1] ? path.join(source, ...decodeURIComponent(match[1]).split('/')) : null;
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const cut = !failed && options.failFirst !== undefined && req.url?.endsWith(options.failFirst);
    if (cut) failed = true;
    serveBytes(fs.readFileSync(file), req, res, cut ? { cutAfter: 5000 } : {});
  });
};

describe('downloading a model', () => {
  it('fetches the variant from a mirror, checks every hash and installs it', async () => {
    server = await mirror();
    const modelsDir = path.join(tmp, 'models');
    const store = createModelStore({ modelsDir, manifest: manifestOf(entryFor(source, 'whisper-test')) });
    const progress: number[] = [];
    const record = await store.downloadModel('whisper-test', {
      baseUrl: server.url,
      onProgress: (p) => progress.push(p.bytes),
    });
    expect(record).toMatchObject({ origin: 'download', variant: 'q8' });
    expect(record.files.every((f) => f.trust === 'verified')).toBe(true);
    expect(server.requests.map((r) => r.url)).toContain(
      '/tests/whisper-test/resolve/abc123/onnx/encoder_model_quantized.onnx',
    );
    expect(progress.at(-1)).toBe(record.files.reduce((sum, f) => sum + f.bytes, 0));
    expect(await store.resolveModelDir('whisper-test')).toBe(path.join(modelsDir, 'whisper-test'));
    expect(fs.readdirSync(modelsDir)).toEqual(['whisper-test']);
  });

  it('resumes an interrupted model download on the next run', async () => {
    server = await mirror({ failFirst: 'decoder_model_merged_quantized.onnx' });
    const modelsDir = path.join(tmp, 'models');
    const store = createModelStore({ modelsDir, manifest: manifestOf(entryFor(source, 'whisper-test')) });
    await expect(store.downloadModel('whisper-test', { baseUrl: server.url, retries: 0 })).rejects.toMatchObject({
      code: 'DOWNLOAD_FAILED',
    });
    expect(store.listModels()[0]?.installed).toBe(false);
    const before = server.requests.length;
    await store.downloadModel('whisper-test', { baseUrl: server.url, retries: 0 });
    const resumed = server.requests.slice(before);
    // Files finished in the first run are re-hashed locally, not fetched again.
    expect(resumed).toHaveLength(1);
    expect(resumed[0]?.range).toBe('bytes=5000-');
    expect(store.listModels()[0]).toMatchObject({ installed: true, hashStatus: 'verified' });
  });

  it('fails cleanly when the mirror lacks a file', async () => {
    server = await mirror();
    const manifest = manifestOf(entryFor(source, 'whisper-test'));
    fs.rmSync(path.join(source, 'tokenizer.json'));
    const modelsDir = path.join(tmp, 'models');
    const store = createModelStore({ modelsDir, manifest });
    await expect(store.downloadModel('whisper-test', { baseUrl: server.url })).rejects.toMatchObject({
      code: 'DOWNLOAD_FAILED',
      message: expect.stringContaining('404') as string,
    });
    expect(store.listModels()[0]?.installed).toBe(false);
  });
});
