import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../common/errors';
import { createLogger } from '../log/logger';
import { FILE_MODE, isErrno } from '../store/atomic-file';
import type { HashResult } from './hash';

const log = createLogger('inference.download');

export type DownloadProgress = { bytes: number; total: number | null };

export type DownloadFileOptions = {
  url: string;
  /** Final path; bytes arrive in `<dest>.part` (kept on failure so the next try resumes) and are renamed on success. */
  dest: string;
  /** The publisher's hash; null downloads without a check (the caller marks the file unverified). */
  expectedSha256: string | null;
  expectedBytes: number | null;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Further attempts after a dropped connection or a 5xx, each resuming where the last stopped. */
  retries?: number;
  fetchImpl?: typeof fetch;
};

/** Failures worth another attempt (the .part file is kept and resumed). */
const retryable = new WeakSet<AppError>();
const failed = (message: string, options: { retry: boolean; cause?: unknown }): AppError => {
  const error = new AppError('DOWNLOAD_FAILED', message, { cause: options.cause });
  if (options.retry) retryable.add(error);
  return error;
};

const cancelled = (): AppError => new AppError('JOB_CANCELLED', 'The download was cancelled.');

const fileSize = async (file: string): Promise<number> => {
  try {
    return (await fsp.stat(file)).size;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return 0;
    throw error;
  }
};

const hashExisting = async (file: string, bytes: number, hash: Hash): Promise<void> => {
  if (bytes === 0) return;
  const stream = fs.createReadStream(file, { start: 0, end: bytes - 1, highWaterMark: 1 << 20 });
  for await (const chunk of stream) hash.update(chunk as Buffer);
};

/** `Content-Range: bytes START-END/TOTAL` (TOTAL may be `*`). */
const parseContentRange = (value: string | null): { start: number; total: number | null } | null => {
  const match = value ? /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(value.trim()) : null;
  if (!match) return null;
  return { start: Number(match[1]), total: match[3] === '*' ? null : Number(match[3]) };
};

const numberHeader = (value: string | null): number | null => {
  if (value === null || !/^\d+$/.test(value)) return null;
  return Number(value);
};

type Attempt = { hash: Hash; bytes: number };

/** One HTTP exchange: resumes the .part file when it can, restarts it when the server ignores Range. */
const attemptOnce = async (options: DownloadFileOptions, part: string): Promise<Attempt> => {
  const { signal, expectedBytes } = options;
  const fetchImpl = options.fetchImpl ?? fetch;
  let offset = await fileSize(part);
  if (expectedBytes !== null && offset > expectedBytes) {
    await fsp.rm(part, { force: true });
    offset = 0;
  }
  if (expectedBytes !== null && offset === expectedBytes && offset > 0) {
    const hash = createHash('sha256');
    await hashExisting(part, offset, hash);
    return { hash, bytes: offset };
  }
  let response: Response;
  try {
    response = await fetchImpl(options.url, {
      headers: offset > 0 ? { Range: `bytes=${offset}-` } : {},
      redirect: 'follow',
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw cancelled();
    throw failed('Could not reach the model server.', { retry: true, cause: error });
  }
  if (response.status === 416 && offset > 0) {
    await response.body?.cancel();
    await fsp.rm(part, { force: true });
    throw failed('The server refused to resume the download; starting over.', { retry: true });
  }
  let total: number | null;
  if (response.status === 206 && offset > 0) {
    const range = parseContentRange(response.headers.get('content-range'));
    if (range?.start !== offset) {
      await response.body?.cancel();
      await fsp.rm(part, { force: true });
      throw failed('The server resumed at the wrong offset; starting over.', { retry: true });
    }
    total = range.total;
  } else if (response.status === 200) {
    if (offset > 0) log.info('download.range_ignored', { offset });
    offset = 0; // a full body: the old partial bytes are discarded
    const length = numberHeader(response.headers.get('content-length'));
    total = length;
  } else {
    await response.body?.cancel().catch(() => undefined);
    throw failed(`The model server answered HTTP ${response.status}.`, { retry: response.status >= 500 });
  }
  if (!response.body) throw failed('The model server sent no body.', { retry: true });
  total ??= expectedBytes;

  const hash = createHash('sha256');
  await hashExisting(part, offset, hash);
  const handle = await fsp.open(part, offset > 0 ? 'a' : 'w', FILE_MODE);
  let bytes = offset;
  try {
    options.onProgress?.({ bytes, total });
    for await (const data of response.body) {
      const chunk = data as Uint8Array;
      await handle.write(chunk);
      hash.update(chunk);
      bytes += chunk.length;
      options.onProgress?.({ bytes, total });
    }
    await handle.sync();
  } catch (error) {
    if (signal?.aborted) throw cancelled();
    throw failed('The connection to the model server was lost.', { retry: true, cause: error });
  } finally {
    await handle.close();
  }
  if (total !== null && bytes < total) {
    throw failed(`The download was truncated (${bytes} of ${total} bytes).`, { retry: true });
  }
  return { hash, bytes };
};

/**
 * Downloads one file with Range resume and a hash check at the end. A hash mismatch deletes the
 * bytes (MODEL_HASH_MISMATCH): they are never renamed into place.
 */
export const downloadFile = async (options: DownloadFileOptions): Promise<HashResult> => {
  const part = `${options.dest}.part`;
  await fsp.mkdir(path.dirname(options.dest), { recursive: true, mode: 0o700 });
  const maxAttempts = 1 + Math.max(0, options.retries ?? 2);
  let result: Attempt | null = null;
  for (let attempt = 1; result === null; attempt += 1) {
    if (options.signal?.aborted) throw cancelled();
    try {
      result = await attemptOnce(options, part);
    } catch (error) {
      const again = error instanceof AppError && retryable.has(error) && attempt < maxAttempts;
      log.warn('download.attempt_failed', {
        attempt,
        code: error instanceof AppError ? error.code : 'INTERNAL',
        again,
      });
      if (!again) throw error;
    }
  }
  const sha256 = result.hash.digest('hex');
  const sizeWrong = options.expectedBytes !== null && result.bytes !== options.expectedBytes;
  if (sizeWrong || (options.expectedSha256 !== null && sha256 !== options.expectedSha256)) {
    await fsp.rm(part, { force: true });
    throw new AppError(
      'MODEL_HASH_MISMATCH',
      'A downloaded model file does not match the publisher’s hash and was deleted.',
    );
  }
  await fsp.rename(part, options.dest);
  return { sha256, bytes: result.bytes };
};
