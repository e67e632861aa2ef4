import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FILE_MODE } from '../store/atomic-file';

/** 1 MiB reads keep memory bounded whatever the file size (GB-sized ONNX weights included). */
const CHUNK = 1 << 20;

export type HashResult = { sha256: string; bytes: number };

/** Streaming SHA-256 of a file. */
export const sha256File = async (file: string, signal?: AbortSignal): Promise<HashResult> => {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = fs.createReadStream(file, { highWaterMark: CHUNK, ...(signal ? { signal } : {}) });
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    hash.update(buf);
    bytes += buf.length;
  }
  return { sha256: hash.digest('hex'), bytes };
};

/** A pass-through that hashes and counts what flows through it. */
export const createHashingStream = (onChunk?: (bytes: number) => void): Transform & { result: () => HashResult } => {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      hash.update(chunk);
      bytes += chunk.length;
      onChunk?.(bytes);
      callback(null, chunk);
    },
  });
  return Object.assign(stream, { result: () => ({ sha256: hash.digest('hex'), bytes }) });
};

/** Copies `from` to `to` (created, never overwritten) and hashes the bytes on the way; fsyncs the copy. */
export const copyAndHash = async (
  from: string,
  to: string,
  options: { signal?: AbortSignal; onBytes?: (bytes: number) => void } = {},
): Promise<HashResult> => {
  const hasher = createHashingStream(options.onBytes);
  const source = fs.createReadStream(from, { highWaterMark: CHUNK });
  const sink = fs.createWriteStream(to, { flags: 'wx', mode: FILE_MODE });
  await pipeline(source, hasher, sink, ...(options.signal ? [{ signal: options.signal }] : []));
  const handle = await fsp.open(to, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return hasher.result();
};
