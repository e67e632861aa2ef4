import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveWorkerEntry } from '../../../main/inference/worker-entry-path';
import { createWorkerHost } from '../../../main/inference/worker-host';
import { TEST_HANDLERS } from './worker-helpers';

/**
 * The worker as it ships: built by scripts/build-node.mjs itself (into a temp dir) and run by plain
 * node without tsx.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'quietchart-worker-bundle-'));

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-node.mjs'), '--outdir', out], {
    cwd: root,
    stdio: 'pipe',
  });
});
afterAll(() => {
  fs.rmSync(out, { recursive: true, force: true });
});

describe('the bundled inference worker', () => {
  it('is built beside the app and the CLI and is found from their entry scripts', () => {
    for (const dir of ['app', 'cli']) expect(fs.existsSync(path.join(out, dir, 'inference-worker.cjs'))).toBe(true);
    expect(resolveWorkerEntry(path.join(out, 'cli', 'quietchart.cjs'))).toBe(
      path.join(out, 'cli', 'inference-worker.cjs'),
    );
    expect(resolveWorkerEntry(path.join(root, 'main', 'cli', 'bin.ts'))).toBe(
      path.join(root, 'main', 'inference', 'worker-entry.ts'),
    );
  });

  it('serves requests and ignores test handler modules even in test mode', async () => {
    const host = createWorkerHost({
      entry: path.join(out, 'cli', 'inference-worker.cjs'),
      extraHandlerModules: [TEST_HANDLERS],
      env: { ...process.env, NODE_ENV: 'test', NODE_PATH: path.join(root, 'node_modules') },
    });
    try {
      expect(await host.request('worker.ping')).toMatchObject({ pid: expect.any(Number) as number });
      await expect(host.request('test.echo', { text: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await host.shutdown();
    }
    const bundle = fs.readFileSync(path.join(out, 'cli', 'inference-worker.cjs'), 'utf8');
    expect(bundle).not.toContain('test.crash');
  });
});
