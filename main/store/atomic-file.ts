import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

/** Sidecars and chunks are sensitive: readable by the owner only. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

const tempPathFor = (target: string): string => `${target}.tmp-${randomBytes(6).toString('hex')}`;

/** A rename is durable only once its directory entry is; Windows cannot open directories, which is fine there. */
const fsyncDirSync = (dir: string): void => {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Best effort: not supported on every platform or file system.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
};

const fsyncDir = async (dir: string): Promise<void> => {
  let handle: fsp.FileHandle | null = null;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort, as above.
  } finally {
    await handle?.close();
  }
};

/**
 * Write-then-rename so a crash leaves either the old file or the new one, never half of either.
 * With `exclusive`, an existing target is kept and `false` is returned (hard link never clobbers).
 */
export const writeFileAtomicSync = (
  target: string,
  data: Buffer | string,
  options: { exclusive?: boolean } = {},
): boolean => {
  const temp = tempPathFor(target);
  const fd = fs.openSync(temp, 'wx', FILE_MODE);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    if (options.exclusive) {
      try {
        fs.linkSync(temp, target);
      } catch (error) {
        if (isErrno(error, 'EEXIST')) return false;
        throw error;
      }
    } else {
      fs.renameSync(temp, target);
    }
    fsyncDirSync(path.dirname(target));
    return true;
  } finally {
    fs.rmSync(temp, { force: true });
  }
};

/** Async twin of writeFileAtomicSync for large payloads (audio chunks) on the main process. */
export const writeFileAtomic = async (target: string, data: Buffer): Promise<void> => {
  const temp = tempPathFor(target);
  const handle = await fsp.open(temp, 'wx', FILE_MODE);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fsp.rename(temp, target);
  } catch (error) {
    await fsp.rm(temp, { force: true });
    throw error;
  }
  await fsyncDir(path.dirname(target));
};

export const isErrno = (error: unknown, code: string): boolean =>
  error instanceof Error && 'code' in error && error.code === code;

export const isTempFileName = (name: string): boolean => /\.tmp-[0-9a-f]{12}$/.test(name);
