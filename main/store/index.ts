/** The encrypted store's public API. Services import from here; SQL stays in repositories/. */
export { openStore, auditHeadPath, type Store, type StoreOptions } from './store';
export type { KeyProvider } from './key-provider';
export { MASTER_KEY_BYTES } from './key-provider';
export { createPassphraseKeyProvider, type PassphraseKeyProviderOptions } from './passphrase-key-provider';
export { DEFAULT_SCRYPT_N, MIN_SCRYPT_N } from './key-info';
export { deriveKeys, type StoreKeys } from './key-derivation';
export { openDatabase, rekey, checkpoint, type Db } from './connection';
export {
  migrate,
  readSchemaVersion,
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  type Migration,
  type MigrateResult,
} from './migrations';
export { createAuditLog, computeAuditMac, GENESIS_MAC, type AuditLog, type AuditVerifyOptions } from './audit-log';
export { createChunkVault, chunkFileName, type ChunkVault, type SealedChunk } from './chunk-vault';
export type * from './repositories';
export type * from './types';
export { AUDIT_ACTIONS } from './types';
