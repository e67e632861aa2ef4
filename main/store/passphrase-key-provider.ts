import { scrypt } from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../common/errors';
import { DEFAULT_SCRYPT_N, assertScryptCost, loadOrCreateKeyInfo } from './key-info';
import { MASTER_KEY_BYTES, type KeyProvider } from './key-provider';

export type PassphraseKeyProviderOptions = {
  passphrase: string;
  /** JSON sidecar holding the salt and scrypt parameters; created on first use. */
  keyInfoPath: string;
  /** scrypt N for a new sidecar (tests lower it to keep fast; never below 2^12). */
  cost?: number;
  /**
   * The database this key unlocks. When given, a missing sidecar next to an existing database is
   * an error instead of a fresh salt (which could only ever yield a wrong key).
   */
  databasePath?: string;
};

const hasContent = (file: string): boolean => {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
};

const deriveScrypt = (passphrase: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    // maxmem must cover 128·N·r bytes with headroom, or Node refuses the larger costs.
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      MASTER_KEY_BYTES,
      { N, r, p, maxmem: 256 * N * r + 1024 * 1024 },
      (error, key) => {
        if (error)
          reject(
            new AppError('KEY_PROVIDER_UNAVAILABLE', 'Could not derive the key from the passphrase.', { cause: error }),
          );
        else resolve(key);
      },
    );
  });

/** Passphrase + scrypt (N=2^15, r=8, p=1 by default): the CLI's and the tests' key provider. */
export const createPassphraseKeyProvider = (options: PassphraseKeyProviderOptions): KeyProvider => {
  const N = options.cost ?? DEFAULT_SCRYPT_N;
  assertScryptCost(N);
  if (options.passphrase.length === 0) throw new AppError('VALIDATION_FAILED', 'The passphrase must not be empty.');
  return {
    id: 'passphrase',
    async getMasterKey() {
      const mayCreate = options.databasePath === undefined || !hasContent(options.databasePath);
      const info = loadOrCreateKeyInfo(options.keyInfoPath, N, { mayCreate });
      return deriveScrypt(options.passphrase, Buffer.from(info.salt, 'base64'), info.N, info.r, info.p);
    },
  };
};
