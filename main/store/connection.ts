import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../common/errors';
import { isErrno } from './atomic-file';

export type Db = Database.Database;
export type Statement<P extends unknown[], R> = Database.Statement<P, R>;

const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const BUSY_TIMEOUT_MS = 5000;

/** A plain SQLite file would open fine and silently ignore the key: check the bytes before the driver does. */
export const assertNotPlaintext = (path: string): void => {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return;
    throw error;
  }
  try {
    const head = Buffer.alloc(PLAINTEXT_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    if (read === head.length && head.equals(PLAINTEXT_HEADER)) {
      throw new AppError('STORE_NOT_ENCRYPTED', 'This database file is not encrypted; Quietchart refuses to use it.');
    }
  } finally {
    fs.closeSync(fd);
  }
};

const rawKeyPragma = (key: Buffer): string => {
  if (key.length !== 32) throw new AppError('INTERNAL', 'A database key must be 32 bytes.');
  // Hex only, so nothing here can break out of the pragma's quoting.
  return `"x'${key.toString('hex')}'"`;
};

const useSqlCipher = (db: Db): void => {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
};

/** Reading page 1 is the first thing that needs the key; a wrong key fails here and writes nothing. */
const assertKeyWorks = (db: Db): void => {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
  } catch (error) {
    throw new AppError('STORE_WRONG_KEY', 'The key does not unlock this store (wrong passphrase?).', { cause: error });
  }
};

/**
 * Opens (or creates) an SQLCipher-encrypted database with a raw 32-byte key. Refuses plaintext
 * files; a wrong key throws STORE_WRONG_KEY and leaves the file untouched.
 */
export const openDatabase = (path: string, dbKey: Buffer): Db => {
  assertNotPlaintext(path);
  const db = new Database(path);
  try {
    useSqlCipher(db);
    db.pragma(`key = ${rawKeyPragma(dbKey)}`);
    assertKeyWorks(db);
    db.pragma('journal_mode = WAL');
    // FULL: the audit head is written after commit, so a commit must be durable before it is.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Sorts and temp indexes stay in memory: no plaintext temp files beside the database.
    db.pragma('temp_store = MEMORY');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Deleted content is overwritten, not left in free pages.
    db.pragma('secure_delete = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
};

/** Re-encrypts the whole database under a new key. WAL cannot be rekeyed, so it runs in DELETE mode. */
export const rekey = (db: Db, newKey: Buffer): void => {
  if (db.inTransaction) throw new AppError('CONFLICT', 'Cannot rekey inside a transaction.');
  const pragma = rawKeyPragma(newKey);
  db.pragma('journal_mode = DELETE');
  try {
    db.pragma(`rekey = ${pragma}`);
  } finally {
    db.pragma('journal_mode = WAL');
  }
  assertKeyWorks(db);
};

/** Moves every committed WAL frame into the (encrypted) database file and truncates the WAL. */
export const checkpoint = (db: Db): void => {
  db.pragma('wal_checkpoint(TRUNCATE)');
};
