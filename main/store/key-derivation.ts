import { hkdfSync } from 'node:crypto';
import { AppError } from '../../common/errors';
import { MASTER_KEY_BYTES } from './key-provider';

/** One purpose per key: a leak or misuse of one never lends itself to another. */
export type StoreKeys = { dbKey: Buffer; auditKey: Buffer; chunkKey: Buffer };

const INFO = {
  dbKey: 'quietchart/db/v1',
  auditKey: 'quietchart/audit/v1',
  chunkKey: 'quietchart/audio-chunk/v1',
} as const;

const derive = (master: Buffer, info: string): Buffer =>
  Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));

export const deriveKeys = (master: Buffer): StoreKeys => {
  if (master.length !== MASTER_KEY_BYTES) {
    throw new AppError('KEY_PROVIDER_UNAVAILABLE', 'The key provider returned a key of the wrong length.');
  }
  return {
    dbKey: derive(master, INFO.dbKey),
    auditKey: derive(master, INFO.auditKey),
    chunkKey: derive(master, INFO.chunkKey),
  };
};
