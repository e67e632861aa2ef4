/**
 * Where the store's 32-byte master key comes from. The app uses Electron safeStorage (main/app);
 * the CLI and tests use a passphrase. Everything else derives from this one key (key-derivation.ts).
 */
export type KeyProvider = {
  id: 'passphrase' | 'safe-storage';
  getMasterKey(): Promise<Buffer>;
};

export const MASTER_KEY_BYTES = 32;
