import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../common/errors';
import type { KeyProvider } from '../store';
import type { SafeStorageLike } from './electron-like';

export const MASTER_KEY_FILE = 'master.key';
const KEY_BYTES = 32;

export type SafeStorageVerdict =
  { usable: true } | { usable: false; reason: 'encryption_unavailable' | 'basic_text_backend' | 'unknown_backend' };

/**
 * Whether the OS keystore really protects a secret. On Linux without a keyring, Chromium falls back
 * to `basic_text`, which "encrypts" with a fixed, public password: we refuse it and ask for a
 * passphrase instead. `unknown` (not yet initialised or undetectable) is refused for the same reason.
 */
export const judgeSafeStorage = (safeStorage: SafeStorageLike, platform: NodeJS.Platform): SafeStorageVerdict => {
  if (!safeStorage.isEncryptionAvailable()) return { usable: false, reason: 'encryption_unavailable' };
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text') return { usable: false, reason: 'basic_text_backend' };
    if (backend === 'unknown') return { usable: false, reason: 'unknown_backend' };
  }
  return { usable: true };
};

export type SafeStorageKeyProviderOptions = {
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  /** Folder for master.key (the app's userData). */
  dir: string;
  /**
   * May a new master key be made? Only when no store exists yet: a store created with a passphrase
   * must not get a fresh key that can never open it.
   */
  canCreate: () => boolean;
};

const unavailable = (message: string): AppError => new AppError('KEY_PROVIDER_UNAVAILABLE', message);

/**
 * A random 32-byte master key, kept on disk only as the OS keystore's ciphertext (mode 0600).
 * Returns null when the keystore cannot be trusted; the app then starts locked.
 */
export const createSafeStorageKeyProvider = (options: SafeStorageKeyProviderOptions): KeyProvider | null => {
  const { safeStorage, platform, dir, canCreate } = options;
  if (!judgeSafeStorage(safeStorage, platform).usable) return null;
  const file = path.join(dir, MASTER_KEY_FILE);

  const read = async (): Promise<Buffer> => {
    let key: Buffer;
    try {
      key = Buffer.from(safeStorage.decryptString(await fs.readFile(file)), 'base64');
    } catch (error) {
      throw new AppError('KEY_PROVIDER_UNAVAILABLE', 'The system keystore could not unlock Quietchart.', {
        cause: error,
      });
    }
    if (key.length !== KEY_BYTES) throw unavailable('The stored master key is damaged.');
    return key;
  };

  const create = async (): Promise<Buffer> => {
    const key = randomBytes(KEY_BYTES);
    const sealed = safeStorage.encryptString(key.toString('base64'));
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    // Write beside, then rename: a crash never leaves a half-written key file.
    const temp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temp, sealed, { mode: 0o600, flag: 'wx' });
    await fs.rename(temp, file);
    return key;
  };

  const exists = async (): Promise<boolean> => {
    try {
      await fs.access(file);
      return true;
    } catch {
      return false;
    }
  };

  return {
    id: 'safe-storage',
    async getMasterKey() {
      if (await exists()) return read();
      if (!canCreate()) throw unavailable('No keystore key exists for this store; unlock it with its passphrase.');
      return create();
    },
  };
};
