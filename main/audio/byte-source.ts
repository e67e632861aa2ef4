import fs from 'node:fs/promises';
import { AppError } from '../../common/errors';
import type { ByteSource } from './types';

const errnoCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

/** Opens a file for positional reads. Messages never carry the path: file names can hold patient names. */
export const openFileSource = async (path: string): Promise<ByteSource> => {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, 'r');
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('NOT_FOUND', 'The audio file was not found.');
    if (code === 'EISDIR') throw new AppError('AUDIO_UNSUPPORTED', 'The audio path is a folder, not a file.');
    throw new AppError('AUDIO_CORRUPT', `The audio file could not be opened (${code ?? 'unknown error'}).`, {
      cause: error,
    });
  }
  const stat = await handle.stat();
  if (!stat.isFile()) {
    await handle.close();
    throw new AppError('AUDIO_UNSUPPORTED', 'The audio path is not a regular file.');
  }
  return {
    size: stat.size,
    read: async (position, length) => {
      const want = Math.max(0, Math.min(length, stat.size - position));
      const buffer = new Uint8Array(want);
      let filled = 0;
      while (filled < want) {
        const { bytesRead } = await handle.read(buffer, filled, want - filled, position + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled === want ? buffer : buffer.subarray(0, filled);
    },
    close: () => handle.close(),
  };
};

/** A source over bytes already in memory (tests, and buffers handed over by other layers). */
export const memorySource = (bytes: Uint8Array): ByteSource => ({
  size: bytes.length,
  read: (position, length) => Promise.resolve(bytes.subarray(position, Math.min(bytes.length, position + length))),
  close: () => Promise.resolve(),
});

/** Runs `use` with an open file source and always closes it. */
export const withFileSource = async <T>(path: string, use: (source: ByteSource) => Promise<T>): Promise<T> => {
  const source = await openFileSource(path);
  try {
    return await use(source);
  } finally {
    await source.close();
  }
};
