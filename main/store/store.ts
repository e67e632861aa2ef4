import path from 'node:path';
import { AppError } from '../../common/errors';
import { createLogger } from '../log/logger';
import { createAuditLog, type AuditLog } from './audit-log';
import { createChunkVault, type ChunkVault } from './chunk-vault';
import { assertNotPlaintext, checkpoint, openDatabase } from './connection';
import { deriveKeys } from './key-derivation';
import type { KeyProvider } from './key-provider';
import { migrate } from './migrations';
import { createAuditEventsRepository } from './repositories/audit-events';
import { createRepositories, type Repositories } from './repositories';

export type StoreOptions = {
  dbPath: string;
  keyProvider: KeyProvider;
  /** Where audio chunk files live; defaults to the database's folder. */
  dataDir?: string;
};

export type Store = {
  readonly path: string;
  readonly schemaVersion: number;
  readonly repos: Repositories;
  readonly audit: AuditLog;
  readonly chunks: ChunkVault;
  /** Runs `fn` in one transaction (nested calls join the outer one); the audit head is written after commit. */
  transaction<T>(fn: () => T): T;
  /** Folds the WAL into the encrypted database file (e.g. before a backup). */
  checkpoint(): void;
  close(): void;
};

export const auditHeadPath = (dbPath: string): string => `${dbPath}.audit-head`;

/** Unlocks, migrates and opens the store, then records the open in the audit log. */
export const openStore = async (options: StoreOptions): Promise<Store> => {
  const log = createLogger('store');
  const started = Date.now();
  // Before asking for the key: a plaintext file is refused whatever the key would be.
  assertNotPlaintext(options.dbPath);
  const keys = deriveKeys(await options.keyProvider.getMasterKey());
  const db = openDatabase(options.dbPath, keys.dbKey);
  try {
    const migrated = migrate(db);
    const audit = createAuditLog({
      db,
      events: createAuditEventsRepository(db),
      auditKey: keys.auditKey,
      headPath: auditHeadPath(options.dbPath),
    });
    const chunks = createChunkVault({
      dataDir: options.dataDir ?? path.dirname(options.dbPath),
      chunkKey: keys.chunkKey,
    });
    const repos = createRepositories(db);
    let closed = false;

    const store: Store = {
      path: options.dbPath,
      schemaVersion: migrated.to,
      repos,
      audit,
      chunks,
      transaction<T>(fn: () => T): T {
        if (closed) throw new AppError('STORE_LOCKED', 'The store is closed.');
        // Nested calls become savepoints: an inner failure the caller catches undoes only its own writes.
        const outermost = !db.inTransaction;
        try {
          return db.transaction(fn).immediate();
        } finally {
          if (outermost) audit.flushHead();
        }
      },
      checkpoint() {
        checkpoint(db);
      },
      close() {
        if (closed) return;
        closed = true;
        audit.flushHead();
        db.close();
      },
    };

    audit.append({
      action: 'store.open',
      actorId: null,
      entityType: 'store',
      entityId: null,
      details: { schemaVersion: migrated.to, migratedFrom: migrated.from, keyProvider: options.keyProvider.id },
    });
    log.info('store.opened', {
      schemaVersion: migrated.to,
      migrations: migrated.applied.length,
      ms: Date.now() - started,
    });
    return store;
  } catch (error) {
    db.close();
    throw error;
  }
};
