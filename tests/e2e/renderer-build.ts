import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** TEST ONLY. Makes sure dist/renderer is a build of the current renderer sources. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const RENDERER_DIST = path.join(ROOT, 'dist', 'renderer');
const ENTRY = path.join(RENDERER_DIST, 'index.html');
const LOCK = path.join(ROOT, 'dist', '.renderer-build.lock');
const SOURCES = [path.join(ROOT, 'renderer'), path.join(ROOT, 'vite.config.ts')];

const newestMtime = (target: string): number => {
  const info = fs.statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  return fs
    .readdirSync(target)
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), info.mtimeMs);
};

const isStale = (): boolean =>
  !fs.existsSync(ENTRY) || Math.max(...SOURCES.map(newestMtime)) > fs.statSync(ENTRY).mtimeMs;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds with `vite build` when the output is missing or older than its sources. Test files run in
 * parallel, so a lock directory (mkdir is atomic) lets one build while the others wait.
 */
export const ensureRendererBuilt = async (): Promise<string> => {
  const deadline = Date.now() + 180_000;
  while (isStale()) {
    fs.mkdirSync(path.dirname(LOCK), { recursive: true });
    try {
      fs.mkdirSync(LOCK);
    } catch {
      if (Date.now() > deadline)
        throw new Error(`Timed out waiting for another renderer build (remove ${LOCK} if stale).`);
      await sleep(500);
      continue;
    }
    try {
      if (isStale())
        execFileSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    } finally {
      fs.rmSync(LOCK, { recursive: true, force: true });
    }
  }
  return RENDERER_DIST;
};
