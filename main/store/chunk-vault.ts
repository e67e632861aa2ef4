import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../common/errors';
import { DIR_MODE, isErrno, isTempFileName, writeFileAtomic } from './atomic-file';

/**
 * Sealed audio chunk files: `<dataDir>/audio/<recordingId>/<seq>.qca`.
 * Layout: magic "QCAC" | version (1 byte) | nonce (12) | AES-256-GCM ciphertext | tag (16).
 * The AAD binds the header, the recording id and the sequence number, so a chunk copied into
 * another recording or slot fails authentication just like a flipped bit does.
 */
const MAGIC = Buffer.from('QCAC', 'ascii');
const VERSION = 1;
const HEADER = Buffer.concat([MAGIC, Buffer.from([VERSION])]);
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const SEQ_DIGITS = 8;
const MAX_SEQ = 10 ** SEQ_DIGITS - 1;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type SealedChunk = { fileName: string; byteLength: number };

export type ChunkVault = {
  readonly root: string;
  /** Seals and writes one chunk; the file appears whole or not at all. Refuses to overwrite a slot. */
  write(recordingId: string, seq: number, plaintext: Buffer): Promise<SealedChunk>;
  /** Reads and authenticates one chunk: CHUNK_TAMPERED on any change, NOT_FOUND if absent. */
  read(recordingId: string, seq: number): Promise<Buffer>;
  /** Sequence numbers present on disk, in order (temp files of an interrupted write are ignored). */
  list(recordingId: string): Promise<number[]>;
  /** Removes leftovers of writes cut off by a crash. */
  sweepTempFiles(recordingId: string): Promise<number>;
  removeRecording(recordingId: string): Promise<void>;
};

const assertSlot = (recordingId: string, seq: number): void => {
  // The id becomes a directory name: only a canonical UUID may, so no path can escape the vault.
  if (!UUID.test(recordingId)) throw new AppError('VALIDATION_FAILED', 'Invalid recording id.');
  if (!Number.isInteger(seq) || seq < 0 || seq > MAX_SEQ)
    throw new AppError('VALIDATION_FAILED', 'Invalid chunk sequence number.');
};

export const chunkFileName = (seq: number): string => `${String(seq).padStart(SEQ_DIGITS, '0')}.qca`;

const aadFor = (recordingId: string, seq: number): Buffer =>
  Buffer.concat([HEADER, Buffer.from(`quietchart/audio-chunk/v1\n${recordingId}\n${seq}`, 'utf8')]);

export const createChunkVault = (options: { dataDir: string; chunkKey: Buffer }): ChunkVault => {
  const { chunkKey } = options;
  if (chunkKey.length !== 32) throw new AppError('INTERNAL', 'A chunk key must be 32 bytes.');
  const root = path.join(options.dataDir, 'audio');
  const dirFor = (recordingId: string): string => path.join(root, recordingId);
  const tampered = (cause?: unknown): AppError =>
    new AppError(
      'CHUNK_TAMPERED',
      'An audio chunk failed its integrity check.',
      cause === undefined ? undefined : { cause },
    );

  const seal = (recordingId: string, seq: number, plaintext: Buffer): Buffer => {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', chunkKey, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(aadFor(recordingId, seq));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([HEADER, nonce, body, cipher.getAuthTag()]);
  };

  const open = (recordingId: string, seq: number, sealed: Buffer): Buffer => {
    if (sealed.length < HEADER.length + NONCE_BYTES + TAG_BYTES) throw tampered();
    if (!sealed.subarray(0, HEADER.length).equals(HEADER)) throw tampered();
    const nonce = sealed.subarray(HEADER.length, HEADER.length + NONCE_BYTES);
    const body = sealed.subarray(HEADER.length + NONCE_BYTES, sealed.length - TAG_BYTES);
    const tag = sealed.subarray(sealed.length - TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', chunkKey, nonce, { authTagLength: TAG_BYTES });
      decipher.setAAD(aadFor(recordingId, seq));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]);
    } catch (error) {
      throw tampered(error);
    }
  };

  return {
    root,
    async write(recordingId, seq, plaintext) {
      assertSlot(recordingId, seq);
      const dir = dirFor(recordingId);
      await fsp.mkdir(dir, { recursive: true, mode: DIR_MODE });
      const fileName = chunkFileName(seq);
      const target = path.join(dir, fileName);
      // Chunks are write-once: a second write to a slot is a caller bug, not an update.
      if (
        await fsp.stat(target).then(
          () => true,
          () => false,
        )
      ) {
        throw new AppError('CONFLICT', 'That audio chunk was already written.');
      }
      const sealed = seal(recordingId, seq, plaintext);
      await writeFileAtomic(target, sealed);
      return { fileName, byteLength: sealed.length };
    },
    async read(recordingId, seq) {
      assertSlot(recordingId, seq);
      let sealed: Buffer;
      try {
        sealed = await fsp.readFile(path.join(dirFor(recordingId), chunkFileName(seq)));
      } catch (error) {
        if (isErrno(error, 'ENOENT')) throw new AppError('NOT_FOUND', 'No such audio chunk.');
        throw error;
      }
      return open(recordingId, seq, sealed);
    },
    async list(recordingId) {
      assertSlot(recordingId, 0);
      const names = await fsp.readdir(dirFor(recordingId)).catch((error: unknown) => {
        if (isErrno(error, 'ENOENT')) return [];
        throw error;
      });
      return names
        .map((name) => /^(\d{8})\.qca$/.exec(name)?.[1])
        .filter((digits): digits is string => digits !== undefined)
        .map(Number)
        .sort((a, b) => a - b);
    },
    async sweepTempFiles(recordingId) {
      assertSlot(recordingId, 0);
      const names = await fsp.readdir(dirFor(recordingId)).catch(() => []);
      const temps = names.filter(isTempFileName);
      await Promise.all(temps.map((name) => fsp.rm(path.join(dirFor(recordingId), name), { force: true })));
      return temps.length;
    },
    async removeRecording(recordingId) {
      assertSlot(recordingId, 0);
      await fsp.rm(dirFor(recordingId), { recursive: true, force: true });
    },
  };
};
